package dev.dbparity.snapshots.statistics;

import static dev.dbparity.badinput.BadInputMessage.assertSays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dbparity.badinput.BadInputEntry;
import dev.dbparity.snapshots.diff.InvalidTolerancesException;
import dev.dbparity.snapshots.diff.Tolerances;

/**
 * The catalogue's tolerance-file entries: each file is read as the tests and {@code dbparity diff --tolerances} read
 * it ({@link Tolerances#load}, {@link StatisticsTolerances#load}, then {@link StatisticsComparison#compare} for names).
 * Reading a tolerances file writes nothing, so these entries need no file-tree check.
 */
class TolerancesBadInputTests {

	/** Statistics of a schema with {@code orders (status, total)} and {@code customer (email)}. */
	private static final StatisticsSnapshot SHOP = Snapshots.full("{'orders': {'rows': 10, 'columns': {"
			+ "'status': {'nullFraction': 0}, 'total': {'nullFraction': 0}}}, 'customer': {'rows': 5, 'columns': {"
			+ "'email': {'nullFraction': 0}}}}");

	@TempDir
	Path directory;

	private Path file(String yaml) throws IOException {
		Path file = directory.resolve("tolerances.yaml");
		Files.writeString(file, yaml);
		return file;
	}

	/** The error of reading {@code yaml} as the schema check does. */
	private Throwable schemaError(String yaml) throws IOException {
		Throwable thrown = catchThrowable(() -> Tolerances.load(file(yaml)));
		assertThat(thrown).isInstanceOf(InvalidTolerancesException.class);
		return thrown;
	}

	/** The error of reading {@code yaml} as the statistics check does. */
	private Throwable statisticsError(String yaml) throws IOException {
		Throwable thrown = catchThrowable(() -> StatisticsTolerances.load(file(yaml)));
		assertThat(thrown).isInstanceOf(InvalidTolerancesException.class);
		return thrown;
	}

	/** The error of comparing {@link #SHOP} with itself under the tolerances in {@code yaml}. */
	private Throwable comparisonError(String yaml) throws IOException {
		StatisticsTolerances tolerances = StatisticsTolerances.load(file(yaml));
		Throwable thrown = catchThrowable(() -> StatisticsComparison.compare(SHOP, SHOP, tolerances,
				ComparisonMode.SHAPE));
		assertThat(thrown).isInstanceOf(InvalidTolerancesException.class);
		return thrown;
	}

	@Test
	@BadInputEntry("TOL-001")
	void misspeltTopLevelKey() throws IOException {
		String yaml = "schemas:\n  ignore:\n    - \"public.audit_*\"\n";

		assertSays(schemaError(yaml), "unknown key \"schemas\"", "tolerances.yaml:1:1", "write \"schema\" instead");
		assertSays(statisticsError(yaml), "unknown key \"schemas\"", "tolerances.yaml:1:1", "write \"schema\" instead");
	}

	@Test
	@BadInputEntry("TOL-002")
	void misspeltKeyUnderSchema() throws IOException {
		assertSays(schemaError("schema:\n  ignored:\n    - \"**.comment\"\n"), "unknown key \"ignored\" under schema:",
				"tolerances.yaml:2:3", "write \"ignore\" instead");
	}

	@Test
	@BadInputEntry("TOL-003")
	void misspeltKeyUnderStatistics() throws IOException {
		assertSays(statisticsError("statistics:\n  default:\n    nullFraction: 0.02\n"),
				"unknown key \"default\" under statistics:", "tolerances.yaml:2:3", "write \"defaults\" instead");
	}

	@Test
	@BadInputEntry("TOL-004")
	void misspeltMetric() throws IOException {
		assertSays(statisticsError("statistics:\n  overrides:\n    orders.status:\n      topValue: 0.3\n"),
				"unknown metric \"topValue\"", "tolerances.yaml:4:7", "write \"topValues\"");
	}

	@Test
	@BadInputEntry("TOL-005")
	void negativeBound() throws IOException {
		assertSays(statisticsError("statistics:\n  defaults:\n    nullFraction: -0.05\n"),
				"a bound must be a number >= 0", "tolerances.yaml:3:19",
				"Fix: write the largest difference you accept, e.g. nullFraction: 0.05");
	}

	@Test
	@BadInputEntry("TOL-006")
	void boundAsAPercentage() throws IOException {
		assertSays(statisticsError("statistics:\n  defaults:\n    topValues: 15%\n"),
				"statistics.defaults.topValues must be a number >= 0, but was \"15%\"", "tolerances.yaml:3:16",
				"Fix: write it as in this example");
	}

	@Test
	@BadInputEntry("TOL-007")
	void overrideOfATableThatDoesNotExist() throws IOException {
		assertSays(comparisonError("statistics:\n  overrides:\n    order:\n      childrenPerParent: 0.5\n"),
				"names \"order\", but neither the baseline nor the compared database has such a table or column",
				"tolerances.yaml:3:5", "(\"orders\"?)");
	}

	@Test
	@BadInputEntry("TOL-008")
	void overrideOfAColumnThatDoesNotExist() throws IOException {
		assertSays(comparisonError("statistics:\n  defaults:\n    topValues: 0.2\n  overrides:\n    orders.stauts:\n"
				+ "      topValues: 0.3\n"), "names \"orders.stauts\"", "tolerances.yaml:5:5", "(\"orders.status\"?)");
	}

	@Test
	@BadInputEntry("TOL-009")
	void tabIndentation() throws IOException {
		assertSays(schemaError("schema:\n\tignore:\n\t\t- \"**.comment\"\n"), "not valid YAML", "tolerances.yaml:2:1",
				"replace the tab on line 2 with spaces");
	}

	@Test
	@BadInputEntry("TOL-010")
	void unclosedBracket() throws IOException {
		assertSays(schemaError("schema:\n  ignore: [\"public.audit_*\", \"**.comment\"\n"), "not valid YAML",
				"tolerances.yaml:2:11", "close the quote or bracket opened on line 2");
	}

	@Test
	@BadInputEntry("TOL-011")
	void repeatedKey() throws IOException {
		assertSays(statisticsError("statistics:\n  defaults:\n    nullFraction: 0.02\n  defaults:\n    topValues: 0.2\n"),
				"Duplicate field 'defaults'", "tolerances.yaml:4:", "merge the two entries into one");
	}

	@Test
	@BadInputEntry("TOL-012")
	void nestedMappingOnOneLine() throws IOException {
		assertSays(statisticsError("statistics:\n  defaults: nullFraction: 0.02\n"),
				"statistics.defaults must be a mapping from metric to bound, but was \"nullFraction\"",
				"tolerances.yaml:2:13", "Fix: write it as in this example:\n  statistics:\n    defaults:\n"
						+ "      nullFraction: 0.02");
	}

	@Test
	@BadInputEntry("TOL-013")
	void misindentedKey() throws IOException {
		assertSays(statisticsError("statistics:\n  overrides:\n    orders.status:\n      topValues: 0.3\n"
				+ "     nullFraction: 0.1\n"), "not valid YAML", "tolerances.yaml:5:6",
				"indent line 5 exactly like the other keys of its mapping");
	}

	@Test
	@BadInputEntry("TOL-014")
	void globWithWhitespace() throws IOException {
		assertSays(schemaError("schema:\n  ignore:\n    - \"public.audit log\"\n"),
				"Invalid glob \"public.audit log\": a glob may not contain whitespace", "tolerances.yaml:3:7",
				"match keys that contain spaces with *");
	}

	@Test
	@BadInputEntry("TOL-015")
	void ignoreAsASingleString() throws IOException {
		assertSays(schemaError("schema:\n  ignore: \"public.audit_*\"\n"),
				"schema.ignore must be a list of globs, but was \"public.audit_*\"", "tolerances.yaml:2:11",
				"Fix: write it as in this example:\n  schema:\n    ignore:\n      - \"public.audit_*\"");
	}

	@Test
	@BadInputEntry("TOL-016")
	void overridesAsAList() throws IOException {
		assertSays(statisticsError("statistics:\n  overrides:\n    - orders.status\n"),
				"statistics.overrides must be a mapping from table or table.column to bounds, but was a list",
				"tolerances.yaml:3:5", "Fix: write it as in this example");
	}

	@Test
	@BadInputEntry("TOL-017")
	void overrideWithoutAMetric() throws IOException {
		assertSays(statisticsError("statistics:\n  overrides:\n    orders.status: 0.3\n"),
				"statistics.overrides.orders.status must be a mapping from metric to bound, but was \"0.3\"",
				"tolerances.yaml:3:20", "Fix: write it as in this example");
	}

	@Test
	@BadInputEntry("TOL-018")
	void documentIsAList() throws IOException {
		assertSays(schemaError("- schema\n- statistics\n"),
				"the document must be a mapping with a schema: key, but was a list", "tolerances.yaml:1:1",
				"Fix: write it as in this example:\n  schema:\n    ignore:");
	}

	@Test
	@BadInputEntry("TOL-020")
	void fileSavedAsLatin1() throws IOException {
		Path file = directory.resolve("tolerances.yaml");
		Files.write(file, "# Tabellen, die nur die Produktion hat (für Audits)\nschema:\n  ignore: [\"public.audit_*\"]\n"
			.getBytes(StandardCharsets.ISO_8859_1));

		for (Throwable thrown : List.of(catchThrowable(() -> Tolerances.load(file)),
				catchThrowable(() -> StatisticsTolerances.load(file)))) {
			assertThat(thrown).isInstanceOf(InvalidTolerancesException.class);
			assertSays(thrown, "invalid UTF-8 at byte offset 41 (0xFC)", "tolerances.yaml:1:42",
					"re-save the file as UTF-8");
		}
	}
}
