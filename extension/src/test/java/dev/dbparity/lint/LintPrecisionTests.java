package dev.dbparity.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.engines.embedded.EmbeddedProvider;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.MigrationVersion;
import dev.dbparity.migrations.SqlMigrationRunner;
import dev.dbparity.snapshots.Engine;
import dev.dbparity.snapshots.diff.Category;
import dev.dbparity.snapshots.diff.Difference;
import dev.dbparity.snapshots.json.CanonicalJson;

/**
 * What a real history taught the lint, on a real PostgreSQL and MariaDB, production at V1: a dropped function is
 * {@code INCOMPATIBLE} and a default's new value {@code ADDITIVE}, index rebuilds give one finding per table, findings
 * carry rule codes a header can allow, and reports name files relative to the project.
 */
class LintPrecisionTests {

	private static RunningEngine postgres;
	private static RunningEngine mariadb;

	@BeforeAll
	static void startEngines() {
		postgres = new EmbeddedProvider().start(new EngineSpec(Engine.POSTGRES, "17.6", Map.of()));
		mariadb = new EmbeddedProvider().start(new EngineSpec(Engine.MARIADB, "10.11", Map.of()));
	}

	@AfterAll
	static void stopEngines() {
		postgres.close();
		mariadb.close();
	}

	private static LintReport lint(RunningEngine engine, String folder, String compat) {
		// The compat folder given absolute, as a build script would: the report must still name it relatively.
		Path queries = Path.of("src/test/resources/compat/lint-precision", compat).toAbsolutePath();
		return PendingMigrationLint.lint(engine, new SqlMigrationRunner(),
				MigrationSet.load(folder, LintPrecisionTests.class.getClassLoader()), MigrationVersion.parse("1"),
				LintOptions.defaults().withCompat(CompatQueries.load(queries, engine.engine())));
	}

	@Test
	void postgres() {
		LintReport report = lint(postgres, "roundtrip/postgres/lint-precision", "postgres");
		String folder = "roundtrip/postgres/lint-precision/";

		assertDefaultChangeAndDroppedRoutines(report, "public", "(integer)");

		MigrationLintResult rebuild = report.migration("4").orElseThrow();
		assertThat(rebuild.findings()).filteredOn(finding -> finding.kind() == LintFinding.Kind.INDEX_NOT_CONCURRENT)
			.containsExactly(
					new LintFinding(LintFinding.Kind.INDEX_NOT_CONCURRENT, "public.orders", "3 statements ("
							+ folder + "V4__rebuild_indexes.sql:2, :4, :6) build indexes on this existing table without "
							+ "CONCURRENTLY, holding a ShareLock (blocks writes) until each is built; use CREATE INDEX "
							+ "CONCURRENTLY outside a transaction"),
					new LintFinding(LintFinding.Kind.INDEX_NOT_CONCURRENT, "public.customers", "CREATE INDEX "
							+ "customers_name_idx ON customers (name, id) (" + folder + "V4__rebuild_indexes.sql:8) "
							+ "builds an index on this existing table without CONCURRENTLY, holding a ShareLock (blocks "
							+ "writes) until it is built; use CREATE INDEX CONCURRENTLY outside a transaction"));
		assertThat(rebuild.findings()).as("one lock line per table and mode, not per statement")
			.filteredOn(finding -> finding.kind() == LintFinding.Kind.LOCK).extracting(LintFinding::subject)
			.containsExactly("public.orders", "public.orders", "public.customers", "public.customers");

		MigrationLintResult concurrent = report.migration("5").orElseThrow();
		assertThat(concurrent.findings()).as("dropped without IF EXISTS, so a retry fails").filteredOn(finding ->
				finding.kind() == LintFinding.Kind.NOT_RETRY_SAFE).singleElement().asString()
			.contains("3 interruption points fail", "index \"orders_status_idx\" does not exist");
		assertThat(concurrent.findings()).filteredOn(finding -> finding.kind() != LintFinding.Kind.NOT_RETRY_SAFE)
			.containsExactly(
				new LintFinding(LintFinding.Kind.OUTSIDE_TRANSACTION, "public.orders", "4 statements (" + folder
						+ "V5__rebuild_indexes_concurrently.sql:1, :2, :3, :4) that cannot run inside a transaction, so "
						+ "the migration runs statement by statement and a failure leaves it partially applied; the dry "
						+ "run skips them"),
				new LintFinding(LintFinding.Kind.OUTSIDE_TRANSACTION, "public.customers", "2 statements (" + folder
						+ "V5__rebuild_indexes_concurrently.sql:5, :6) that cannot run inside a transaction, so the "
						+ "migration runs statement by statement and a failure leaves it partially applied; the dry run "
						+ "skips them"));

		assertAllowedByCode(report, "6", "7", "postgres");
		assertThat(report.toMarkdown()).contains("- DP103 INDEX_NOT_CONCURRENT `public.orders`: 3 statements (");
	}

	@Test
	void mariadb() {
		LintReport report = lint(mariadb, "roundtrip/mariadb/lint-precision", "mariadb");
		String folder = "roundtrip/mariadb/lint-precision/";

		assertDefaultChangeAndDroppedRoutines(report, "default", "(int)");

		assertThat(report.migration("4").orElseThrow().findings()).containsExactly(
				new LintFinding(LintFinding.Kind.IMPLICIT_COMMIT, folder + "V4__rebuild_indexes.sql", "MariaDB commits "
						+ "each DDL statement implicitly: if one of its 4 statements fails, those before it stay applied"),
				new LintFinding(LintFinding.Kind.NOT_INSTANT, "default.orders", "3 statements (" + folder
						+ "V4__rebuild_indexes.sql:1, :2, :3) cannot run with ALGORITHM=INSTANT; they run online with "
						+ "ALGORITHM=INPLACE, LOCK=NONE (reads and writes continue while the table is rebuilt)"),
				new LintFinding(LintFinding.Kind.NOT_INSTANT, "default.customers", "ALTER TABLE customers DROP INDEX "
						+ "customers_name, ADD INDEX c… (" + folder + "V4__rebuild_indexes.sql:4) cannot run "
						+ "with ALGORITHM=INSTANT; it runs online with ALGORITHM=INPLACE, LOCK=NONE (reads and writes "
						+ "continue while the table is rebuilt)"));

		assertAllowedByCode(report, "5", "6", "mariadb");
	}

	private static void assertDefaultChangeAndDroppedRoutines(LintReport report, String schema, String arguments) {
		MigrationLintResult defaultChange = report.migration("2").orElseThrow();
		assertThat(defaultChange.differences()).singleElement().satisfies(difference -> {
			assertThat(difference.path()).isEqualTo(schema + ".orders.columns.status.default");
			assertThat(difference.categories()).as("the previous version's inserts still run").containsExactly(
					Category.ADDITIVE);
		});
		assertThat(defaultChange.passes()).isTrue();

		MigrationLintResult routines = report.migration("3").orElseThrow();
		assertThat(routines.differences()).extracting(Difference::path, Difference::categories).containsExactly(
				tuple(schema + ".routines.archive_orders" + arguments, List.of(Category.INCOMPATIBLE)),
				tuple(schema + ".routines.order_count()", List.of(Category.INCOMPATIBLE)));
		assertThat(routines.classification()).as("no data goes with a function").hasValue(Category.INCOMPATIBLE);
		assertThat(routines.passes()).isTrue();
	}

	/** V{@code allowed} breaks a compat query with a header allowing DP302; V{@code refused} breaks one without. */
	private static void assertAllowedByCode(LintReport report, String allowed, String refused, String compat) {
		String queries = "src/test/resources/compat/lint-precision/" + compat + "/";
		MigrationLintResult allowedResult = report.migration(allowed).orElseThrow();
		assertThat(allowedResult.findings()).filteredOn(finding -> finding.kind().violation()).singleElement()
			.satisfies(finding -> {
				assertThat(finding.kind().code()).isEqualTo("DP302");
				assertThat(finding.subject()).as("relative to the project").isEqualTo(queries + "order_page.sql:1");
			});
		assertThat(allowedResult.allowedRules()).containsExactly(Map.entry(LintFinding.Kind.COMPAT_BROKEN,
				"the old order page that showed the notes is retired with this release"));
		assertThat(allowedResult.classification()).as("a dropped column stays DESTRUCTIVE").hasValue(
				Category.DESTRUCTIVE);
		assertThat(allowedResult.passes()).isTrue();

		MigrationLintResult refusedResult = report.migration(refused).orElseThrow();
		assertThat(refusedResult.violations()).singleElement().satisfies(violation -> assertThat(violation)
			.startsWith("DP302 COMPAT_BROKEN " + queries + "customer_report.sql:1: the previous application version's "
					+ "query no longer runs after V" + refused)
			.endsWith("(not allowed by a '-- dbparity:allow DP302 <reason>' header)"));
		assertThat(report.passes()).isFalse();

		assertThat(report.toMarkdown()).contains("- allowed DP302 COMPAT_BROKEN: the old order page that showed the "
				+ "notes is retired with this release\n");
		assertThat(report.toHtml()).contains("<li>allowed DP302 COMPAT_BROKEN: the old order page that showed the notes "
				+ "is retired with this release</li>");
		JsonNode json = CanonicalJson.read(report.toJson().getBytes(StandardCharsets.UTF_8), "lint.json");
		JsonNode result = json.path("migrations").get(Integer.parseInt(allowed) - 2);
		assertThat(result.path("allowed").path("DP302").asText()).startsWith("the old order page");
		assertThat(result.path("findings").findValuesAsText("code")).contains("DP302");
		String project = Path.of("").toAbsolutePath().toString();
		assertThat(Stream.of(report.toMarkdown(), report.toHtml(), report.toJson()))
			.allSatisfy(text -> assertThat(text).doesNotContain(project));
	}

	@Test
	void aMigrationThatRebuilds30IndexesGivesOneFindingPerTableOnPostgres(@TempDir Path dir) throws IOException {
		List<LintFinding> findings = rebuild30Indexes(postgres, dir, index -> "DROP INDEX i" + index + ";\n"
				+ "CREATE INDEX i" + index + " ON wide (c" + index + ", id);\n", "public.wide");

		assertThat(findings).extracting(finding -> finding.kind().code() + " " + finding.subject()).containsExactly(
				"DP101 public.wide", "DP103 public.wide", "DP101 public.wide");
		assertThat(findings.get(1).detail()).startsWith("30 statements (file:" + dir + "/V2__rebuild.sql:2, :4, :6, :8, "
				+ ":10, :12, :14, :16, :18, :20 and 20 more) build indexes on this existing table without CONCURRENTLY");
	}

	@Test
	void aMigrationThatRebuilds30IndexesGivesOneFindingPerTableOnMariaDb(@TempDir Path dir) throws IOException {
		List<LintFinding> findings = rebuild30Indexes(mariadb, dir, index -> "ALTER TABLE wide DROP INDEX i" + index
				+ ", ADD INDEX i" + index + " (c" + index + ", id);\n", "default.wide");

		assertThat(findings).extracting(finding -> finding.kind().code() + " " + finding.subject())
			.containsExactly("DP201 file:" + dir + "/V2__rebuild.sql", "DP202 default.wide");
		assertThat(findings.get(1).detail()).startsWith("30 statements (file:" + dir + "/V2__rebuild.sql:1, :2, :3, ");
	}

	@Test
	void aQuotedTableNameIsFoundOnPostgres(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("V1__items.sql"), "CREATE TABLE \"Order Items\" (id INT PRIMARY KEY, sku TEXT);\n");
		Files.writeString(dir.resolve("V2__sku_index.sql"), "CREATE INDEX items_sku ON \"Order Items\" (sku);\n"
				+ "ALTER TABLE \"Order Items\" ADD COLUMN note TEXT;\n");
		Files.writeString(dir.resolve("V3__id_index.sql"), "CREATE INDEX CONCURRENTLY items_id ON \"Order Items\" (id, sku);\n");

		LintReport report = PendingMigrationLint.lint(postgres, new SqlMigrationRunner(),
				MigrationSet.load("file:" + dir, LintPrecisionTests.class.getClassLoader()), MigrationVersion.parse("1"),
				LintOptions.defaults());

		assertThat(report.migration("2").orElseThrow().findings())
			.extracting(finding -> finding.kind().code() + " " + finding.subject())
			.as("the name's quotes and space neither hide the index nor fail the dry run")
			.containsExactly("DP103 public.Order Items", "DP101 public.Order Items", "DP101 public.Order Items");
		assertThat(report.migration("3").orElseThrow().findings())
			.extracting(finding -> finding.kind().code() + " " + finding.subject())
			.containsExactly("DP104 public.Order Items");
	}

	/** The findings of V2, which rebuilds the 30 indexes V1 made on one table. */
	private static List<LintFinding> rebuild30Indexes(RunningEngine engine, Path dir, IntFunction<String> rebuild,
			String table) throws IOException {
		StringBuilder create = new StringBuilder("CREATE TABLE wide (id INT PRIMARY KEY");
		StringBuilder indexes = new StringBuilder();
		StringBuilder rebuilds = new StringBuilder();
		for (int index = 1; index <= 30; index++) {
			create.append(", c").append(index).append(" INT");
			indexes.append("CREATE INDEX i").append(index).append(" ON wide (c").append(index).append(");\n");
			rebuilds.append(rebuild.apply(index));
		}
		Files.writeString(dir.resolve("V1__wide.sql"), create.append(");\n").append(indexes).toString());
		Files.writeString(dir.resolve("V2__rebuild.sql"), rebuilds.toString());

		LintReport report = PendingMigrationLint.lint(engine, new SqlMigrationRunner(),
				MigrationSet.load("file:" + dir, LintPrecisionTests.class.getClassLoader()), MigrationVersion.parse("1"),
				LintOptions.defaults());

		MigrationLintResult result = report.migration("2").orElseThrow();
		assertThat(result.differences()).as("every index changed").hasSize(60);
		String markdown = report.toMarkdown();
		assertThat(markdown.lines().filter(line -> line.startsWith("- PERFORMANCE"))).as("one line for the 60")
			.singleElement().asString()
			.startsWith("- PERFORMANCE 30 added, 30 removed `" + table + ".indexes`: `")
			.endsWith("` and 50 more");
		assertThat(report.toHtml()).contains("<li>PERFORMANCE 30 added, 30 removed <code>" + table + ".indexes</code>: "
				+ "<code>");
		assertThat(CanonicalJson.read(report.toJson().getBytes(StandardCharsets.UTF_8), "lint.json")
			.path("migrations").get(0).path("differences")).as("tools get every difference").hasSize(60);
		return result.findings();
	}

	@Test
	void scriptsGivenByAnAbsolutePathAreNamedRelativeToTheProjectOnPostgres() throws IOException {
		assertRelativeLocations(postgres);
	}

	@Test
	void scriptsGivenByAnAbsolutePathAreNamedRelativeToTheProjectOnMariaDb() throws IOException {
		assertRelativeLocations(mariadb);
	}

	/** A build script's {@code file:${project.basedir}/…}: an absolute folder inside the project (the module). */
	private static void assertRelativeLocations(RunningEngine engine) throws IOException {
		String name = "lint-paths-" + UUID.randomUUID();
		Path folder = Path.of("target", name).toAbsolutePath();
		Files.createDirectories(folder);
		Files.writeString(folder.resolve("V1__orders.sql"), "CREATE TABLE orders (id INT PRIMARY KEY, total INT);\n");
		Files.writeString(folder.resolve("V2__total_not_null.sql"), "ALTER TABLE orders " + (engine.engine()
				== Engine.POSTGRES ? "ALTER COLUMN total SET NOT NULL" : "MODIFY total INT NOT NULL") + ";\n");

		LintReport report = PendingMigrationLint.lint(engine, new SqlMigrationRunner(),
				MigrationSet.load("file:" + folder, LintPrecisionTests.class.getClassLoader()),
				MigrationVersion.parse("1"), LintOptions.defaults());

		assertThat(report.migration("2").orElseThrow().location())
			.isEqualTo("file:target/" + name + "/V2__total_not_null.sql");
		String project = Path.of("").toAbsolutePath().toString();
		assertThat(Stream.of(report.toMarkdown(), report.toHtml(), report.toJson()))
			.allSatisfy(text -> assertThat(text).contains("file:target/" + name + "/V2__total_not_null.sql")
				.doesNotContain(project));
		assertThatThrownBy(report::assertPasses).isInstanceOf(AssertionError.class)
			.hasMessageContaining("‣ V2 (file:target/" + name + "/V2__total_not_null.sql): INCOMPATIBLE ")
			.hasMessageNotContaining(project);
	}
}
