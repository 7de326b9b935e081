package dev.dbparity.runtime;

import java.io.PrintStream;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import dev.dbparity.migrations.MigrationGaps;
import dev.dbparity.snapshots.redaction.Redaction;

/**
 * {@code RunSettings} are the settings that hold for a whole run rather than one database: where the report goes,
 * which migration runner applies migrations (and the parameters it reads), what a gap in the versions does, and how
 * seed rules are applied.
 *
 * @param report where the run report is printed when the run ends
 * @param migrationRunner the runner's id ({@code sql}, {@code flyway}, {@code liquibase})
 * @param migrationRunnerSource where the runner's id was configured, for error messages
 * @param parameters looks up the runner's own parameters ({@code dbparity.flyway.*}, {@code dbparity.liquibase.*})
 * @param migrationGaps what a gap in the migration versions does
 * @param seedProfile the seed rules' profile, if not {@code default}
 * @param updateSeedLock whether the seed lock may be rewritten (refused on CI)
 * @param maskingKey the key masked values are derived with, if configured
 * @param seedMaxRows the most rows seeding may write, if limited
 * @param environment the process environment ({@code CI}, the masking key's variable)
 * @since 0.1
 */
public record RunSettings(PrintStream report, String migrationRunner, String migrationRunnerSource,
		Function<String, Optional<String>> parameters, MigrationGaps migrationGaps, Optional<String> seedProfile,
		boolean updateSeedLock, Optional<String> maskingKey, Optional<Long> seedMaxRows,
		Map<String, String> environment) {

	public RunSettings {
		Objects.requireNonNull(report, "report");
		Objects.requireNonNull(migrationRunner, "migrationRunner");
		Objects.requireNonNull(parameters, "parameters");
		Objects.requireNonNull(migrationGaps, "migrationGaps");
		environment = Map.copyOf(environment);
	}

	/** Without the masking key and the environment's values, which may hold secrets. */
	@Override
	public String toString() {
		return "RunSettings[migrationRunner=" + migrationRunner + ", migrationGaps=" + migrationGaps + ", seedProfile="
				+ seedProfile + ", updateSeedLock=" + updateSeedLock + ", maskingKey="
				+ maskingKey.map(key -> Redaction.MASK) + ", seedMaxRows=" + seedMaxRows + "]";
	}
}
