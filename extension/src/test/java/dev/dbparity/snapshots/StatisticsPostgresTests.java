package dev.dbparity.snapshots;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import dev.dbparity.junit.Engine;
import dev.dbparity.junit.ParityDatabase;
import dev.dbparity.snapshots.catalog.CaptureOptions;
import dev.dbparity.snapshots.catalog.CatalogReaders;
import dev.dbparity.snapshots.statistics.StatisticsCollectors;
import dev.dbparity.snapshots.statistics.StatisticsOptions;
import dev.dbparity.snapshots.statistics.StatisticsSnapshot;

@ParityDatabase(engine = Engine.POSTGRES, migrations = "statistics/postgres/known")
class StatisticsPostgresTests {

	static StatisticsSnapshot collect(Connection connection, StatisticsOptions options) throws SQLException {
		SchemaSnapshot schema = CatalogReaders.forConnection(connection).read(connection, CaptureOptions.all());
		return StatisticsCollectors.forConnection(connection).collect(connection, schema, options);
	}

	@Test
	void explore(Connection connection) throws SQLException {
		for (StatisticsOptions options : new StatisticsOptions[] { StatisticsOptions.full(),
				StatisticsOptions.sample(0.5), StatisticsOptions.catalog().withAnalyze(true) }) {
			System.out.println(new String(collect(connection, options).toCanonicalJson(), StandardCharsets.UTF_8));
		}
		JsonNode tree = collect(connection, StatisticsOptions.full()).tree();
		assertThat(tree.path("format").asInt()).isEqualTo(1);
	}
}
