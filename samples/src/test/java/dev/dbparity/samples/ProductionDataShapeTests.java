package dev.dbparity.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.dbparity.junit.Engine;
import dev.dbparity.junit.ParityDatabase;
import dev.dbparity.junit.ParityDb;
import dev.dbparity.snapshots.assertj.ParityAssertions;
import dev.dbparity.snapshots.baseline.Baseline;
import dev.dbparity.snapshots.statistics.StatisticsSnapshot;
import dev.dbparity.snapshots.statistics.StatisticsTolerances;

/**
 * Production's data statistics ({@code statistics.json}, captured with {@code dbparity capture --statistics full} from
 * a production-sized database the sample builds with the seed rules' {@code production} profile, 20 times larger)
 * against the test database seeded at the default scale: in {@code shape} mode the two look alike.
 */
@ParityDatabase(engine = Engine.POSTGRES, version = "17.6", migrations = "db/migration/postgres",
		seed = "parity/seed.yaml", baseline = "parity/baseline/production")
class ProductionDataShapeTests {

	@Test
	void seededDataLooksLikeProduction(ParityDb db) {
		db.assertStatisticsMatchBaseline();
	}

	@Test
	void productionIsLargerAndKeepsNoPersonalValues(ParityDb db) {
		StatisticsSnapshot production = Baseline.read(Path.of("src/test/resources/parity/baseline/production"))
			.statistics().orElseThrow();
		StatisticsSnapshot test = db.statisticsSnapshot();

		assertThat(production.table("public", "customer").orElseThrow().path("rows").asLong())
			.isGreaterThan(10 * test.table("public", "customer").orElseThrow().path("rows").asLong());
		assertThat(new String(production.toCanonicalJson(), java.nio.charset.StandardCharsets.UTF_8))
			.as("emails and names are hashed, never stored").doesNotContain("@example", "lovelace");
		ParityAssertions.assertThat(test).isComparableTo(production)
			.within(StatisticsTolerances.load(Path.of("src/test/resources/parity/tolerances.yaml")));
	}
}
