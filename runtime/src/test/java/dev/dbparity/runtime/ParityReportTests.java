package dev.dbparity.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.engines.embedded.EmbeddedProvider;
import dev.dbparity.migrations.MigrationSet;
import dev.dbparity.roundtrips.RoundTripTimings;
import dev.dbparity.snapshots.Engine;

class ParityReportTests {

	@Test
	void summarisesWhatTheRunDidPerEngine() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (RunningEngine engine = new EmbeddedProvider().start(new EngineSpec(Engine.POSTGRES, "17.6", Map.of()))) {
			ParityReport report = new ParityReport(new PrintStream(bytes, true, StandardCharsets.UTF_8));
			report.engineStarted(engine, 812);
			report.templateBuilt(engine, Optional.of(MigrationSet.load("db/shelf", getClass().getClassLoader())),
					Optional.of("120 rows seeded from parity/seed.yaml"), 64);
			report.databaseOpened(engine, "BookTests", 12_000_000);
			report.databaseOpened(engine, "OrderTests", 20_000_000);
			report.schemaChecked(engine, "parity/baseline/production at migration version 2: schema matches");
			RoundTripTimings timings = new RoundTripTimings();
			timings.add(RoundTripTimings.Phase.SNAPSHOTS, 500_000_000);
			timings.add(RoundTripTimings.Phase.MIGRATIONS, 1_200_000_000);
			timings.fullRead();
			timings.partialRead(2);
			timings.partialRead(1);
			timings.spareRead();
			report.roundTripsRan(engine, MigrationSet.load("db/shelf", getClass().getClassLoader()), timings);
			report.close();
		}

		assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("""

				=== dbparity report ===
				PostgreSQL 17.6 (provider embedded): started in 812 ms
				  template: 2 migrations from db/shelf up to V2, 120 rows seeded from parity/seed.yaml, built in 64 ms
				  fresh databases: 2, ready in p50 12.0 ms, p95 20.0 ms
				  test classes: BookTests, OrderTests
				  parity: parity/baseline/production at migration version 2: schema matches
				  round trips: db/shelf, 2 versions: 1.7 s (migrations' SQL 1.2 s, schema snapshots 0.5 s); schema reads: 2 partial, 1 spared, 1 full
				""");
	}

	@Test
	void printsNothingWhenNoEngineWasUsed() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		new ParityReport(new PrintStream(bytes, true, StandardCharsets.UTF_8)).close();

		assertThat(bytes.size()).isZero();
	}
}
