package dev.dbparity.roundtrips;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.dbparity.migrations.AppliedMigration;
import dev.dbparity.migrations.MigrationRunner;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.migrations.MigrationVersion;
import dev.dbparity.migrations.RealDatabases;
import dev.dbparity.migrations.SqlMigrationRunner;
import dev.dbparity.roundtrips.VersionResult.Verdict;
import dev.dbparity.snapshots.Engine;
import dev.dbparity.templates.DatabaseContext;

/**
 * A runner that does not tell its statements gets connections that record them only where the reader reads changes
 * by statements (MariaDB); elsewhere it gets the database's own data source, untouched. That the recorded statements
 * give partial reads is proven on a MariaDB server of its own ({@code RoundTripMariaDbMarkTests}): on the shared one,
 * other test classes' statements keep marks from being given.
 */
class RoundTripStatementRecordingTests {

	@ParameterizedTest
	@EnumSource(names = { "POSTGRES", "MARIADB" })
	void aRunnerThatTellsNothingGetsRecordingConnectionsOnlyWhereTheyAreRead(Engine engine) {
		List<DataSource> given = new ArrayList<>();
		MigrationRunner silent = new MigrationRunner() {

			private final SqlMigrationRunner sql = new SqlMigrationRunner();

			@Override
			public String id() {
				return "silent";
			}

			@Override
			public boolean supports(MigrationSet migrations) {
				return sql.supports(migrations);
			}

			@Override
			public Optional<MigrationVersion> currentVersion(DataSource dataSource, Engine on) {
				return sql.currentVersion(dataSource, on);
			}

			@Override
			public List<AppliedMigration> history(DataSource dataSource, Engine on) {
				return sql.history(dataSource, on);
			}

			@Override
			public void migrateTo(DataSource dataSource, Engine on, MigrationSet migrations, MigrationVersion target) {
				given.add(dataSource);
				sql.migrateTo(dataSource, on, migrations, target);
			}
		};
		MigrationSet set = MigrationSet.load("roundtrip/history/column-order",
				RoundTripStatementRecordingTests.class.getClassLoader());
		try (RoundTrips roundTrips = RoundTrips.of(RealDatabases.server(engine),
				new DatabaseContext(Optional.of(set), silent), new RoundTripTimings());
				Stream<VersionResult> results = roundTrips.run()) {
			assertThat(results).extracting(VersionResult::verdict).containsOnly(Verdict.PASSED);
		}

		assertThat(given).isNotEmpty().allMatch(dataSource -> Proxy.isProxyClass(dataSource.getClass())
				== (engine == Engine.MARIADB));
	}
}
