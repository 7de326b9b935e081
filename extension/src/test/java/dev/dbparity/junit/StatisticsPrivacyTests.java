package dev.dbparity.junit;

import static dev.dbparity.badinput.BadInputMessage.assertRevealsNone;
import static dev.dbparity.badinput.BadInputMessage.fullMessage;
import static dev.dbparity.junit.ParityTestKit.executeTestClassWithConfigurationParameters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.ToolVersion;
import dev.dbparity.snapshots.baseline.Baseline;
import dev.dbparity.snapshots.baseline.Manifest;
import dev.dbparity.snapshots.json.CanonicalJson;
import dev.dbparity.snapshots.statistics.StatisticsSnapshot;

/**
 * A statistics mismatch on a test database holding personal data in neutral columns: the files the extension writes
 * ({@code statistics.actual.json}, the HTML report) and the failure message hold no raw personal value.
 */
class StatisticsPrivacyTests {

	/** Raw values of {@code statistics/postgres/personal}. */
	private static final String[] RAW = { "hidden.example", "@", "+49 30 70000", "4111111111111111",
			"5555 5555 5555 4444", "DE89370400440532013000", "NL91ABNA0417164300" };

	@TempDir
	Path temporary;

	@Test
	void noFileOrMessageOfAStatisticsMismatchHoldsARawPersonalValue() throws IOException {
		Path baseline = temporary.resolve("personal-baseline");
		MismatchTestCase.failure = null;
		MismatchTestCase.directory = baseline;

		executeTestClassWithConfigurationParameters(MismatchTestCase.class,
				Map.of(ParityDatabase.BASELINE_PROPERTY_NAME, "file:" + baseline)).testEvents()
			.assertStatistics(stats -> stats.succeeded(1));

		assertThat(MismatchTestCase.failure).isInstanceOf(AssertionError.class)
			.hasMessageContaining("public.payment.ref");
		assertRevealsNone(fullMessage(MismatchTestCase.failure), RAW);
		Path report = Path.of("target", "dbparity", "personal-baseline-statistics.html");
		List<Path> written;
		try (Stream<Path> files = Files.walk(baseline)) {
			written = Stream.concat(files.filter(Files::isRegularFile), Stream.of(report)).toList();
		}
		assertThat(written).extracting(file -> file.getFileName().toString())
			.contains("statistics.json", "statistics.actual.json", "personal-baseline-statistics.html");
		for (Path file : written) {
			assertRevealsNone(file + ":\n" + Files.readString(file), RAW);
		}
	}

	@ParityDatabase(engine = Engine.POSTGRES, migrations = "statistics/postgres/personal")
	static class MismatchTestCase {

		static Path directory;
		static Throwable failure;

		@Test
		void mismatch(ParityDb db) {
			StatisticsSnapshot actual = db.statisticsSnapshot();
			ObjectNode tree = actual.tree().deepCopy();
			ObjectNode top = (ObjectNode) tree.at("/schemas/public/tables/payment/columns/ref/top/0");
			top.put("fraction", 0.9);
			SchemaSnapshot schema = db.schemaSnapshot();
			Manifest manifest = new Manifest(Manifest.FORMAT, schema.engine(), schema.serverVersion(),
					Baseline.sha256(CanonicalJson.write(schema.at(List.of("settings")).orElse(CanonicalJson.object()))),
					Optional.of("1"), ToolVersion.current(), Optional.empty(), Map.of());
			Baseline.write(directory, manifest, schema,
					Optional.of(new StatisticsSnapshot(tree)));
			failure = catchThrowable(db::assertStatisticsMatchBaseline);
		}
	}
}
