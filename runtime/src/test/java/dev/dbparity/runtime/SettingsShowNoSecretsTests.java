package dev.dbparity.runtime;

import static dev.dbparity.badinput.BadInputMessage.assertRevealsNone;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.dbparity.baselines.BaselineSettings;
import dev.dbparity.baselines.EngineVersionMatch;
import dev.dbparity.engines.EngineSpec;
import dev.dbparity.migrations.MigrationGaps;
import dev.dbparity.snapshots.Engine;

/**
 * Settings end up in messages, logs and debuggers' views: their text shows what shapes a run, never a password, a
 * masking key or the environment's values.
 */
class SettingsShowNoSecretsTests {

	private static final String PASSWORD = "pa55-Wörd";
	private static final String URL_PASSWORD = "url-s3cret";
	private static final String MASKING_KEY = "masking-k3y-0123456789";
	private static final String STATISTICS_KEY = "statistics-k3y-0123456789";

	private final EngineSpec spec = new EngineSpec(Engine.POSTGRES, "17.6", Map.of("password", PASSWORD,
			"url", "jdbc:postgresql://ci:" + URL_PASSWORD + "@db.internal:5432/app?password=" + URL_PASSWORD,
			"user", "ci"));
	private final BaselineSettings baseline = new BaselineSettings(Optional.of("parity/baseline"), false,
			Optional.empty(), EngineVersionMatch.MAJOR, List.of(), Optional.empty(), Optional.of(STATISTICS_KEY),
			Optional.empty());

	@Test
	void databaseSettingsShowTheEngineButNoPassword() {
		String text = new DatabaseSettings(spec, "external", Optional.of("db/migration"), true, Optional.empty(),
				baseline, true, 0).toString();

		assertThat(text).contains("postgres 17.6", "db.internal", "user=ci", "parity/baseline");
		assertRevealsNone(text, PASSWORD, URL_PASSWORD, STATISTICS_KEY);
	}

	@Test
	void runSettingsShowTheRunnerButNoKeyAndNoEnvironment() {
		String text = new RunSettings(new PrintStream(OutputStream.nullOutputStream()), "sql", "test",
				key -> Optional.empty(), MigrationGaps.WARN, Optional.of("large"), false, Optional.of(MASKING_KEY),
				Optional.empty(), Map.of("DBPARITY_MASKING_KEY", MASKING_KEY, "DB_PASSWORD", PASSWORD)).toString();

		assertThat(text).contains("migrationRunner=sql", "seedProfile=Optional[large]");
		assertRevealsNone(text, MASKING_KEY, PASSWORD, "DB_PASSWORD");
	}

	@Test
	void aMigrationRunnerChoiceShowsItsParametersNamesButNoValue() {
		String text = new MigrationRunnerChoice("flyway", "Spring Boot's Flyway (spring.flyway.*)",
				Map.of("dbparity.flyway.placeholders.api_token", PASSWORD), Optional.of("db/migration")).toString();

		assertThat(text).contains("flyway", "dbparity.flyway.placeholders.api_token", "db/migration");
		assertRevealsNone(text, PASSWORD);
	}
}
