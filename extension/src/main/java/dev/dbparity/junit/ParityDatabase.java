package dev.dbparity.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import dev.dbparity.runtime.ConfigurationNames;

/**
 * {@code @ParityDatabase} gives a test class a fresh database on a pinned engine, migrated with the project's
 * migrations.
 *
 * <pre>{@code
 * @ParityDatabase(engine = Engine.POSTGRES, version = "17.6", migrations = "db/migration")
 * class CheckoutTests {
 *     @Test
 *     void placesOrder(DataSource dataSource) { ... }
 * }
 * }</pre>
 *
 * <h2>Injected parameters</h2>
 * Test, lifecycle and constructor parameters of these types are resolved: {@link javax.sql.DataSource},
 * {@link java.sql.Connection} (closed after the test), jOOQ's {@link org.jooq.DSLContext} with the engine's dialect,
 * and {@link ParityDb}. On a Spring test ({@code @SpringBootTest}, {@code @DataJpaTest}, {@code @JdbcTest}) with
 * {@code dbparity-spring} on the classpath, the application context's {@code DataSource} is this database, and only
 * {@link ParityDb} is injected by dbparity: {@code @Autowired} parameters are Spring's.
 *
 * <h2>Several engines</h2>
 * List the annotations in {@link ParityDatabases} to run the whole class once per engine (JUnit 5.13 or later); each
 * run is reported under the engine's name:
 * <pre>{@code
 * @ParityDatabases({ @ParityDatabase(engine = Engine.POSTGRES), @ParityDatabase(engine = Engine.MARIADB) })
 * class BookRepositoryTests { ... }
 * }</pre>
 * The annotation is deliberately not repeatable: JUnit reads the {@code @ExtendWith} of a repeated annotation's
 * container only through the annotations it holds, so a repeated {@code @ParityDatabase} would have to register the
 * class template's JUnit 5.13 types for every class, and a class with one engine could not run on JUnit 5.12.
 *
 * <h2>Configuration</h2>
 * Each attribute left at its default is read from a JUnit configuration parameter ({@code -D…} or
 * {@code junit-platform.properties}), else a built-in default applies. An invalid value fails the class with the
 * key, the value and the allowed values. The annotation may be used directly, as a meta-annotation on a composed
 * annotation of your own, inherited from a superclass, and from {@code @Nested} classes, which share the enclosing
 * class's database.
 *
 * <h2>Resources</h2>
 * Engines live for the whole run (one per engine, version and provider); databases are dropped when their scope ends.
 * Do not set {@code junit.jupiter.extensions.store.close.autocloseable.enabled=false}: dbparity relies on JUnit
 * closing its stored resources to stop servers and drop databases.
 *
 * @since 0.1
 */
@Target({ ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ParityDatabaseExtension.class)
public @interface ParityDatabase {

	/**
	 * Default engine. Supported values: {@code postgres}, {@code mariadb}, {@code mysql}. Default: {@code postgres}.
	 */
	String ENGINE_PROPERTY_NAME = ConfigurationNames.ENGINE;

	/**
	 * Default provider. Supported values: {@code auto}, {@code embedded}, {@code testcontainers}, {@code external}.
	 * Default: {@code auto}.
	 */
	String PROVIDER_PROPERTY_NAME = ConfigurationNames.PROVIDER;

	/** Default isolation. Supported values: {@code per_class}, {@code per_method}, {@code shared}. Default: {@code per_class}. */
	String ISOLATION_PROPERTY_NAME = ConfigurationNames.ISOLATION;

	/** Default migrations folder: a classpath folder or a {@code file:} path. Default: {@code db/migration}. */
	String MIGRATIONS_PROPERTY_NAME = ConfigurationNames.MIGRATIONS;

	/**
	 * The tool that applies the migrations. Supported values: {@code sql} (dbparity's runner of {@code V}/{@code U}
	 * scripts), {@code flyway} (Flyway forward, {@code U} scripts backward; needs {@code org.flywaydb:flyway-core}),
	 * {@code liquibase} (update and rollback of a changelog; needs {@code org.liquibase:liquibase-core}). Default:
	 * {@code sql}. There is no detection: a project migrated by Flyway or Liquibase says so. Flyway reads
	 * {@code dbparity.flyway.locations} and {@code dbparity.flyway.placeholders.<name>}; Liquibase
	 * {@code dbparity.liquibase.changelog} (see {@code FlywayMigrationRunner}, {@code LiquibaseMigrationRunner}).
	 */
	String MIGRATION_RUNNER_PROPERTY_NAME = ConfigurationNames.MIGRATION_RUNNER;

	/**
	 * The folder of the previous application version's queries ({@code *.sql}, classpath or {@code file:}): after each
	 * pending migration, the lint checks that each still runs. Default: {@code parity/compat} if present.
	 */
	String COMPAT_PROPERTY_NAME = ConfigurationNames.COMPAT;

	/**
	 * What a gap in a migration folder numbered 1, 2, 3, … does ({@code V4} after {@code V2}): {@code warn} prints it
	 * once, {@code fail} makes it an error, {@code allow} says nothing. Timestamp and date versions are not checked.
	 * Default: {@code warn}.
	 */
	String MIGRATION_GAPS_PROPERTY_NAME = ConfigurationNames.MIGRATION_GAPS;

	/** Default seed rules file (classpath or {@code file:}). Default: none. */
	String SEED_PROPERTY_NAME = ConfigurationNames.SEED;

	/** Default baseline directory (classpath or {@code file:}). Default: none. */
	String BASELINE_PROPERTY_NAME = ConfigurationNames.BASELINE;

	/**
	 * What to do when an external server's version does not match the pin. Supported values: {@code fail}, {@code warn}.
	 * Default: {@code fail}.
	 */
	String VERSION_CHECK_PROPERTY_NAME = ConfigurationNames.VERSION_CHECK;

	/**
	 * How many clones of each template database to prepare in the background. Supported values: a whole number from 0 to
	 * 16. Default: for PostgreSQL a pool that starts with a template's second clone (several classes, or
	 * {@code PER_METHOD}) and keeps one clone ready per two cores, one to four; {@code 2} for MariaDB and MySQL (a clone
	 * replays DDL and copies rows).
	 */
	String PREFETCH_PROPERTY_NAME = ConfigurationNames.PREFETCH;

	/**
	 * Update mode: rewrite the baseline from the test database instead of comparing with it. Supported values:
	 * {@code true}, {@code false}. Default: {@code false}. Refused when the environment variable {@code CI} is
	 * {@code true}: a committed update flag must never turn CI green.
	 */
	String BASELINE_UPDATE_PROPERTY_NAME = ConfigurationNames.BASELINE_UPDATE;

	/**
	 * How closely the engine's version must match the baseline's. Supported values: {@code exact}, {@code major}
	 * (PostgreSQL 17.x matches 17.y), {@code ignore}. Default: {@code major}.
	 */
	String BASELINE_ENGINE_VERSION_PROPERTY_NAME = ConfigurationNames.BASELINE_ENGINE_VERSION;

	/** The tolerances file (ignore rules): classpath or {@code file:}. Default: {@code parity/tolerances.yaml} if present. */
	String TOLERANCES_PROPERTY_NAME = ConfigurationNames.TOLERANCES;

	/** The scale profile of the seed rules (e.g. {@code small}, {@code large}). Default: {@code default} (scale 1). */
	String SEED_PROFILE_PROPERTY_NAME = ConfigurationNames.SEED_PROFILE;

	/**
	 * Rewrite {@code seed.lock.json} beside the seed rules instead of verifying it. Supported values: {@code true},
	 * {@code false}. Default: {@code false}; refused when {@code CI=true}. Without a lock file the lock is not checked.
	 */
	String SEED_LOCK_UPDATE_PROPERTY_NAME = ConfigurationNames.SEED_LOCK_UPDATE;

	/**
	 * The most rows seeding may generate, per table and in total, in place of the seed rules' {@code limits:} and the
	 * defaults (5,000,000 per table, 10,000,000 in total: what the measured rates load within a test run). Supported
	 * values: a whole number from 1. Rules whose estimated rows exceed the limit are refused, with the estimate, before
	 * anything is written. Default: none (the rules' {@code limits:}, else the defaults).
	 */
	String SEED_MAX_ROWS_PROPERTY_NAME = ConfigurationNames.SEED_MAX_ROWS;

	/**
	 * The key of masked (pseudonymised) fixture values. Default: the environment variable {@code DBPARITY_MASKING_KEY},
	 * else a fixed development key, with a warning that masked output is then not secret. Prefer the environment
	 * variable: a key in a committed file is no secret either.
	 */
	String MASKING_KEY_PROPERTY_NAME = ConfigurationNames.MASKING_KEY;

	/**
	 * The secret key that sensitive columns' top values are hashed with in data statistics
	 * ({@link ParityDb#statisticsSnapshot()}, {@link ParityDb#assertStatisticsMatchBaseline()}): set it to the key
	 * production's baseline was captured with ({@code dbparity capture} reads {@code DBPARITY_MASKING_KEY} or
	 * {@code --masking-key-file}) for top-value shares of sensitive columns to compare. Supported values: any non-empty
	 * text. Default: the environment variable {@code DBPARITY_MASKING_KEY}, else dbparity's public development key,
	 * which tests may use because their databases hold generated data (the command line refuses it for real data).
	 * Prefer the environment variable: a key in a committed file is no secret.
	 */
	String STATISTICS_MASKING_KEY_PROPERTY_NAME = ConfigurationNames.STATISTICS_MASKING_KEY;

	/**
	 * A YAML list of columns whose raw values data statistics must never hold, besides those found by name and by
	 * content (e-mail addresses, phone numbers, IBANs, card numbers, national ids): {@code table.column} or
	 * {@code schema.table.column}, globs {@code *} and {@code ?} allowed; the same file {@code dbparity capture
	 * --sensitive-columns} reads. Supported values: a classpath location or {@code file:} path. Default:
	 * {@code parity/sensitive.yaml} if present. A name that matches no column fails the capture with its
	 * {@code file:line:column} and the closest existing column.
	 */
	String STATISTICS_SENSITIVE_COLUMNS_PROPERTY_NAME = ConfigurationNames.STATISTICS_SENSITIVE_COLUMNS;

	/**
	 * Whether to print the run report (engines, templates, fresh databases, parity checks) when the run ends. Supported
	 * values: {@code true}, {@code false}. Default: {@code true}.
	 */
	String REPORT_PROPERTY_NAME = ConfigurationNames.REPORT;

	/**
	 * Where the HTML reports of a baseline mismatch go: a folder, relative to the project (the working directory).
	 * Default: {@code dbparity} in the build tool's output directory, {@code build/dbparity} for a Gradle project
	 * (a {@code build.gradle} or {@code build.gradle.kts} and no {@code pom.xml}), {@code target/dbparity} otherwise.
	 */
	String REPORTS_DIR_PROPERTY_NAME = ConfigurationNames.REPORTS_DIR;

	/**
	 * Whether embedded PostgreSQL keeps its initialised cluster and its migrated, seeded templates in the template
	 * cache, so that a later run restores them instead of running initdb, the migrations and the seed rules again.
	 * Supported values: {@code true}, {@code false}. Default: {@code true}. External servers and Testcontainers are
	 * never cached.
	 */
	String CACHE_PROPERTY_NAME = ConfigurationNames.CACHE;

	/**
	 * Where the template cache is. Supported values: a directory path. Default: {@code $XDG_CACHE_HOME/dbparity/templates},
	 * else {@code ~/.cache/dbparity/templates}.
	 */
	String CACHE_DIR_PROPERTY_NAME = ConfigurationNames.CACHE_DIR;

	/**
	 * The most disk the template cache may take; least recently used entries go first. Supported values: bytes, or a
	 * number with {@code k}, {@code m}, {@code g} or {@code t} ({@code 2g}). Default: {@code 1g}.
	 */
	String CACHE_MAX_SIZE_PROPERTY_NAME = ConfigurationNames.CACHE_MAX_SIZE;

	/**
	 * Per-engine settings are named {@code dbparity.<engine>.<setting>}, with {@code <engine>} one of {@code postgres},
	 * {@code mariadb}, {@code mysql} and {@code <setting>} one of: {@code version} (the pin), {@code url},
	 * {@code user}, {@code password} (external provider), {@code image}, {@code digest} (Testcontainers), and for
	 * embedded PostgreSQL {@code binaries.repository} (the Maven repository the binaries are downloaded from),
	 * {@code locale} (initdb's locale, default {@code C}) and {@code timezone} (default {@code UTC}).
	 */
	String ENGINE_SETTING_PROPERTY_PREFIX = "dbparity.";

	/** The engine. Default: {@value #ENGINE_PROPERTY_NAME}, else {@link Engine#POSTGRES}. */
	Engine engine() default Engine.DEFAULT;

	/**
	 * The engine version pin, at least major.minor: an image tag ({@code postgres:17.6}) or the embedded binaries'
	 * version. Default: {@code dbparity.<engine>.version}, else PostgreSQL {@code 17.6}, MariaDB {@code 10.11},
	 * MySQL {@code 8.4}.
	 */
	String version() default "";

	/**
	 * The migrations folder: {@code V<version>__<description>.sql} files with optional {@code U<version>__…} undo
	 * scripts (Flyway's naming), or golang-migrate, goose, dbmate, sql-migrate, diesel, pop or Prisma files (see
	 * {@link dev.dbparity.migrations.MigrationSet#load}; a pop folder's files for the engine are chosen), on the classpath ({@code db/migration}) or the file
	 * system ({@code file:src/main/resources/db/migration}). {@code {engine}} in the location expands to the engine's id
	 * ({@code postgres}, {@code mariadb}, {@code mysql}) and {@code {vendor}} to Flyway's vendor name, so that a class
	 * run on several engines finds each engine's folder. Default: {@value #MIGRATIONS_PROPERTY_NAME}, else
	 * {@code db/migration} if it exists; a folder given explicitly must exist.
	 */
	String migrations() default "";

	/**
	 * Versioned seed rules (YAML, see {@code seeding/SEED-RULES.md}), loaded into the template once per JVM after the
	 * migrations, so that every fresh database starts with the same deterministic, masked rows. Default:
	 * {@value #SEED_PROPERTY_NAME}, else none.
	 */
	String seed() default "";

	/** The committed baseline directory. Default: {@value #BASELINE_PROPERTY_NAME}, else none. */
	String baseline() default "";

	/**
	 * Path globs of schema differences to ignore when comparing with the baseline, e.g. {@code "public.audit_*"} or
	 * {@code "**.comment"}: {@code *} matches within one path segment, {@code **} across segments. Added to the
	 * tolerances file's rules and the defaults (owners).
	 */
	String[] ignore() default {};

	/** Which tests share a database. Default: {@value #ISOLATION_PROPERTY_NAME}, else {@link Isolation#PER_CLASS}. */
	Isolation isolation() default Isolation.DEFAULT;

	/** Where the engine comes from. Default: {@value #PROVIDER_PROPERTY_NAME}, else {@link Provider#AUTO}. */
	Provider provider() default Provider.DEFAULT;
}
