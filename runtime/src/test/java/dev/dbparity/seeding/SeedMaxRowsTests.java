package dev.dbparity.seeding;

import java.util.Optional;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.dbparity.runtime.ConfigurationNames;
import dev.dbparity.runtime.DatabaseSettings;
import dev.dbparity.runtime.RuntimeDatabases;
import dev.dbparity.snapshots.Engine;

/**
 * {@value ConfigurationNames#SEED_MAX_ROWS} replaces the rules' row limits for seeded templates. (That the extension
 * refuses a value of the key that is not a limit is {@code SeedMaxRowsParameterTests}' concern.)
 */
class SeedMaxRowsTests {

	/** What opening a database seeded with the shop's rules throws, if anything, in a run limited to {@code maxRows}. */
	static Optional<Throwable> failure(long maxRows) {
		DatabaseSettings shop = RuntimeDatabases.settings(Engine.POSTGRES, DatabaseSettings.defaultVersion(Engine.POSTGRES),
				"seeding/shop-postgres", Optional.of("seeding/shop/seed.yaml"));
		try (RuntimeDatabases databases = new RuntimeDatabases(Optional.of(maxRows))) {
			databases.open(shop).close();
			return Optional.empty();
		}
		catch (RuntimeException e) {
			return Optional.of(e);
		}
	}

	@Test
	@DisplayName("a limit below the shop's rows refuses the seed with the estimate and the key that raises it")
	void theKeyLowersTheLimit() {
		Assertions.assertThat(failure(30)).get().extracting(SeedMaxRowsTests::messages).asString()
			.contains("customers: about 40 rows (rows: 40) are above the limit of 30 rows per table")
			.contains("dbparity.seed.max-rows=40");
	}

	@Test
	@DisplayName("a limit above the shop's rows seeds it")
	void theKeyAllowsTheSeed() {
		Assertions.assertThat(failure(1000)).isEmpty();
	}

	static String messages(Throwable thrown) {
		StringBuilder out = new StringBuilder();
		for (Throwable t = thrown; t != null; t = t.getCause()) {
			out.append(t.getMessage()).append('\n');
		}
		return out.toString();
	}
}
