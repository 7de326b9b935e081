package dev.dbparity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dbparity.cli.DbParityTests.Result;
import dev.dbparity.snapshots.baseline.Baseline;
import dev.dbparity.snapshots.statistics.StatisticsSnapshot;

/** {@code dbparity diff} of two baseline directories that hold statistics: no database needed. */
class DiffStatisticsTests {

	private static final Path PRODUCTION = Path.of("../samples/src/test/resources/parity/baseline/production");

	@TempDir
	Path temporary;

	/** A copy of production's baseline whose orders are mostly cancelled. */
	private Path skewedCopy() {
		Baseline production = Baseline.read(PRODUCTION);
		ObjectNode tree = (ObjectNode) production.statistics().orElseThrow().tree();
		JsonNode top = tree.at("/schemas/public/tables/customer_order/columns/status/top");
		((ObjectNode) top.get(0)).put("fraction", 0.1);
		((ObjectNode) top.get(2)).put("fraction", 0.6);
		Path copy = temporary.resolve("skewed");
		Baseline.write(copy, production.manifest(), production.schema(), Optional.of(new StatisticsSnapshot(tree)));
		return copy;
	}

	@Test
	void sameBaselinesPassSchemaAndStatistics() {
		Result diff = DbParityTests.run("diff", PRODUCTION.toString(), PRODUCTION.toString());

		assertThat(diff.exitCode()).as(diff.out() + diff.err()).isZero();
		assertThat(diff.out()).contains("Data statistics of", "(shape mode)");
	}

	@Test
	void skewedStatisticsFailInEveryFormat() throws Exception {
		Path skewed = skewedCopy();

		Result json = DbParityTests.run("diff", PRODUCTION.toString(), skewed.toString(), "--format", "json");
		assertThat(json.exitCode()).as(json.err()).isEqualTo(1);
		assertThat(json.out()).startsWith("{\n  \"differences\": [ ],")
			.contains("\"statistics\": [", "\"path\": \"public.customer_order.status\"", "\"metric\": \"topValues\"",
					"\"outcome\": \"FAILED\"", "\"bound\": 0.1,", "\"statisticsMode\": \"shape\"");

		Result text = DbParityTests.run("diff", PRODUCTION.toString(), skewed.toString(), "--statistics-mode", "exact");
		assertThat(text.exitCode()).isEqualTo(1);
		assertThat(text.out()).contains("(exact mode)", "public.customer_order.status: topValues");

		for (String format : new String[] { "markdown", "html" }) {
			Path report = temporary.resolve("report." + format);
			Result diff = DbParityTests.run("diff", PRODUCTION.toString(), skewed.toString(), "--format", format,
					"--output", report.toString());
			assertThat(diff.exitCode()).isEqualTo(1);
			assertThat(report).content().contains("public.customer_order.status");
		}
		assertThat(Files.readString(temporary.resolve("report.html"))).containsOnlyOnce("</html>");
	}

	@Test
	void unknownStatisticsModeExitsTwo() {
		Result diff = DbParityTests.run("diff", PRODUCTION.toString(), PRODUCTION.toString(), "--statistics-mode", "rough");

		assertThat(diff.exitCode()).isEqualTo(2);
		assertThat(diff.err()).contains("--statistics-mode");
	}
}
