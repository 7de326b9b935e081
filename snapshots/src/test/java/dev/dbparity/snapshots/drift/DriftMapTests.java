package dev.dbparity.snapshots.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.chromium.HeadlessChromium;
import dev.dbparity.snapshots.diff.Category;
import dev.dbparity.snapshots.diff.IgnoreRules;
import dev.dbparity.snapshots.statistics.ComparisonMode;
import dev.dbparity.snapshots.statistics.Metric;
import dev.dbparity.snapshots.statistics.StatisticsSnapshot;
import dev.dbparity.snapshots.statistics.StatisticsTolerances;

class DriftMapTests {

	private static final String ORDERS = "'orders': {'kind': 'table', 'columns': {"
			+ "'id': {'position': 1, 'type': 'bigint', 'nullable': false}, "
			+ "'total': {'position': 2, 'type': 'numeric(10,2)', 'nullable': true}}, 'indexes': {}}";
	private static final String AUDIT = "'audit': {'kind': 'table', 'columns': {"
			+ "'id': {'position': 1, 'type': 'bigint', 'nullable': false}}}";

	/** A PostgreSQL schema of {@code version} with a time zone and {@code tables} in {@code public}. */
	static SchemaSnapshot schema(String version, String timezone, String... tables) {
		String json = ("{'format': 1, 'engine': {'name': 'postgres', 'version': '" + version + "', 'major': '"
				+ version.replaceFirst("\\..*", "") + "'}, 'settings': {'timezone': '" + timezone + "'}, "
				+ "'schemas': {'public': {'owner': 'app', 'tables': {" + String.join(", ", tables) + "}}}}")
			.replace('\'', '"');
		return SchemaSnapshot.fromJson(json.getBytes(StandardCharsets.UTF_8), "test");
	}

	/** Statistics of the orders' total with {@code nullFraction}, and of {@code moreTables}. */
	static StatisticsSnapshot statistics(double nullFraction, String... moreTables) {
		String json = ("{'format': 1, 'engine': {'name': 'postgres'}, 'capture': {'mode': 'full', 'topK': 10, "
				+ "'histogramBuckets': 10}, 'schemas': {'public': {'tables': {" + Arrays.stream(moreTables)
					.map(table -> table + ", ").collect(Collectors.joining()) + "'orders': {'rows': 100, 'columns': {"
				+ "'total': {'nullFraction': " + nullFraction + "}}}}}}}").replace('\'', '"');
		return StatisticsSnapshot.fromJson(json.getBytes(StandardCharsets.UTF_8), "test");
	}

	/**
	 * Four environments: production on 17.6; staging as production; dev on 16.4 with the audit table and a NOT NULL
	 * total; CI on 16.4 without the orders table.
	 */
	static List<Environment> environments() {
		String notNull = ORDERS.replace("'numeric(10,2)', 'nullable': true", "'numeric(10,2)', 'nullable': false");
		return List.of(
				Environment.read("dev", "jdbc:postgresql://localhost:5432/dev", schema("16.4", "UTC", notNull, AUDIT),
						Optional.empty()),
				Environment.read("staging", "jdbc:postgresql://staging:5432/shop?user=app&password=s3cret",
						schema("17.6", "UTC", ORDERS), Optional.empty()),
				Environment.read("prod", "parity/baseline/production", schema("17.6", "UTC", ORDERS), Optional.empty()),
				Environment.read("ci", "jdbc:postgresql://ci:5432/shop", schema("16.4", "UTC"), Optional.empty()));
	}

	static DriftMap map(List<Environment> environments, String reference) {
		return DriftMap.build(environments, reference, IgnoreRules.defaults(), StatisticsTolerances.defaults(),
				ComparisonMode.SHAPE);
	}

	private static String letters(Row row) {
		return String.join(" ", row.cells().stream().map(cell -> cell.letter().orElse(cell.kind().name())).toList());
	}

	private static Row row(DriftMap map, String path) {
		return map.rows().stream().filter(row -> row.path().equals(path)).findFirst().orElseThrow(
				() -> new AssertionError(path + " not among " + map.rows().stream().map(Row::path).toList()));
	}

	@Test
	void everyDifferenceAnywhereIsARowWithConfigurationFirstAndEqualValuesSharingAVariant() {
		DriftMap map = map(environments(), "prod");

		assertThat(map.rows()).extracting(Row::section, Row::path).containsExactly(
				tuple(Section.CONFIGURATION, "engine.major"),
				tuple(Section.CONFIGURATION, "engine.version"),
				tuple(Section.DESTRUCTIVE, "public.orders"),
				tuple(Section.INCOMPATIBLE, "public.orders.columns.total.nullable"),
				tuple(Section.ADDITIVE, "public.audit"));
		// Columns in the order given (dev, staging, prod, ci); the reference's value is always A.
		assertThat(letters(row(map, "engine.version"))).isEqualTo("B A A B");
		assertThat(letters(row(map, "public.audit"))).isEqualTo("A ABSENT ABSENT ABSENT");
		// CI lacks the table; dev's differs only in a column, which has its own row, so its table is production's.
		assertThat(letters(row(map, "public.orders"))).isEqualTo("A A A ABSENT");
		assertThat(letters(row(map, "public.orders.columns.total.nullable"))).isEqualTo("B A A ABSENT");
		assertThat(row(map, "engine.version").cells().get(0).value()).isEqualTo("\"16.4\"");
	}

	@Test
	void eachEnvironmentDriftsInTheCategoriesOfItsDifferencesFromTheReference() {
		DriftMap map = map(environments(), "prod");

		assertThat(map.drift().get("prod")).isEmpty();
		assertThat(map.drift().get("staging")).isEmpty();
		assertThat(map.drift().get("dev")).contains(Section.CONFIGURATION, Section.INCOMPATIBLE, Section.ADDITIVE)
			.doesNotContain(Section.DESTRUCTIVE);
		assertThat(map.drift().get("ci")).contains(Section.CONFIGURATION, Section.DESTRUCTIVE);
		assertThat(map.drifting(EnumSet.of(Section.DESTRUCTIVE))).containsExactly("ci");
		assertThat(map.drifting(EnumSet.of(Section.DESTRUCTIVE, Section.INCOMPATIBLE))).containsExactly("dev", "ci");
		assertThat(map.drifting(Set.of())).isEmpty();
		assertThat(Arrays.stream(Category.values()).map(Section::of)).as("a section for every category")
			.hasSize(Category.values().length);
	}

	@Test
	void anotherReferenceLabelsTheSameRowsFromItsSide() {
		DriftMap map = map(environments(), "ci");

		// From CI's side, the orders table is something new, not something lost.
		assertThat(row(map, "public.orders").section()).isEqualTo(Section.ADDITIVE);
		assertThat(letters(row(map, "engine.version"))).isEqualTo("A B B A");
		assertThat(map.drifting(EnumSet.of(Section.DESTRUCTIVE))).isEmpty();
	}

	@Test
	void anEnvironmentThatCouldNotBeReadIsAColumnOfErrorsAndTheRestIsKept() {
		List<Environment> environments = new ArrayList<>(environments());
		environments.set(1, Environment.failed("staging", "jdbc:postgresql://u:hunter2@staging:5432/shop",
				"Could not connect to jdbc:postgresql://u:hunter2@staging:5432/shop: connection refused"));

		DriftMap map = map(environments, "prod");

		assertThat(map.isComplete()).isFalse();
		assertThat(map.rows()).hasSize(5).allSatisfy(row -> assertThat(row.cells().get(1).kind())
			.isEqualTo(Cell.Kind.UNAVAILABLE));
		assertThat(letters(row(map, "public.orders.columns.total.nullable"))).isEqualTo("B UNAVAILABLE A ABSENT");
		for (String report : reports(map)) {
			assertThat(report).contains("connection refused").doesNotContain("hunter2");
		}
	}

	@Test
	void statisticsOutsideTheirToleranceAreRowsWhenTheReferenceHasThem() {
		SchemaSnapshot schema = schema("17.6", "UTC", ORDERS);
		DriftMap map = map(List.of(
				Environment.read("prod", "prod", schema, Optional.of(statistics(0.1))),
				Environment.read("staging", "staging", schema, Optional.of(statistics(0.12))),
				Environment.read("dev", "dev", schema, Optional.of(statistics(0.9))),
				Environment.read("ci", "ci", schema, Optional.empty())), "prod");

		Row nulls = map.rows().get(0);
		assertThat(map.rows()).hasSize(1);
		assertThat(nulls.section()).isEqualTo(Section.STATISTICS);
		assertThat(nulls.name()).isEqualTo("public.orders.total nullFraction");
		// Staging is within the tolerance, so it shares production's variant.
		assertThat(letters(nulls)).isEqualTo("A A B UNAVAILABLE");
		// A stands for production's value, not for staging's, which is only near it.
		assertThat(nulls.variants()).containsExactly("0.1", "0.9");
		assertThat(nulls.cells().get(1).value()).isEqualTo("0.12");
		assertThat(map.drift().get("dev")).containsExactly(Section.STATISTICS);
		assertThat(map.drift().get("staging")).isEmpty();
		assertThat(map.notes()).containsExactly("Data statistics of ci are not compared: it has none.");
	}

	@Test
	void aToleranceOverrideOfATableOneEnvironmentHasHoldsWhereItExists() {
		SchemaSnapshot schema = schema("17.6", "UTC", ORDERS);
		StatisticsSnapshot withAudit = statistics(0.1, "'audit': {'rows': 10, 'columns': {'note': {'nullFraction': 0.5}}}");
		List<Environment> environments = List.of(
				Environment.read("prod", "prod", schema, Optional.of(statistics(0.1))),
				Environment.read("dev", "dev", schema, Optional.of(withAudit)),
				Environment.read("ci", "ci", schema, Optional.of(statistics(0.5))));
		StatisticsTolerances tolerances = StatisticsTolerances.defaults()
			.withOverride("audit.note", Metric.NULL_FRACTION, 0.9)
			.withOverride("orders.total", Metric.NULL_FRACTION, 0.5);

		DriftMap map = DriftMap.build(environments, "prod", IgnoreRules.defaults(), tolerances, ComparisonMode.SHAPE);

		assertThat(map.rows()).as("ci's 0.5 is within the override's 0.5 of 0.1").isEmpty();
		assertThatThrownBy(() -> DriftMap.build(environments, "prod", IgnoreRules.defaults(),
				tolerances.withOverride("audti.note", Metric.NULL_FRACTION, 0.9), ComparisonMode.SHAPE))
			.hasMessageContaining("statistics.overrides names \"audti.note\", but no environment's statistics have "
					+ "such a table or column")
			.hasMessageContaining("(\"audit.note\"?)");
	}

	@Test
	void theSameEnvironmentsGiveByteIdenticalReports() {
		assertThat(reports(map(environments(), "prod"))).isEqualTo(reports(map(environments(), "prod")));
	}

	@Test
	void noReportShowsAPasswordOfASource() {
		for (String report : reports(map(environments(), "prod"))) {
			assertThat(report).contains("staging").doesNotContain("s3cret");
		}
	}

	@Test
	void markdownHasATablePerSectionWithColouredLettersAndTheVariantsOnce() {
		String markdown = DriftMapMarkdownReport.render(map(environments(), "prod"));

		assertThat(markdown).startsWith("""
				### Drift map of 4 environments against prod

				5 rows; 2 environments drift from prod.

				| Environment | Source | Drift from prod |
				| --- | --- | --- |
				| dev | `jdbc:postgresql://localhost:5432/dev` | CONFIGURATION, INCOMPATIBLE, ADDITIVE |
				| staging | `jdbc:postgresql://staging:5432/shop?user=app&password=***` | none |
				| **prod** (reference) | `parity/baseline/production` | — |
				| ci | `jdbc:postgresql://ci:5432/shop` | CONFIGURATION, DESTRUCTIVE |

				#### CONFIGURATION (2)

				| Path | dev | staging | **prod** | ci | Variants |
				| --- | --- | --- | --- | --- | --- |
				| `engine.major` | 🟧 B | 🟦 A | 🟦 A | 🟧 B | A `"17"`<br>B `"16"` |
				| `engine.version` | 🟧 B | 🟦 A | 🟦 A | 🟧 B | A `"17.6"`<br>B `"16.4"` |
				""");
	}

	@Test
	void textListsEachRowsLettersAndWhatTheyStandFor() {
		String text = DriftMapTextReport.render(map(environments(), "prod"));

		assertThat(text).contains("Drift map of 4 environments against prod: 5 rows; 2 environments drift from prod.\n",
				"  prod: parity/baseline/production (reference)\n",
				"\nDESTRUCTIVE (1)\n  public.orders: dev A, staging A, prod A, ci absent\n",
				"  staging: jdbc:postgresql://staging:5432/shop?user=app&password=***: no drift\n",
				"  public.orders.columns.total.nullable: dev B, staging A, prod A, ci absent\n"
						+ "    A = true; B = false\n");
	}

	@Test
	void jsonGivesToolsEveryCellWithItsValue() {
		String json = DriftMapJsonReport.render(map(environments(), "prod"));

		assertThat(json).contains("\"reference\": \"prod\"", "\"section\": \"INCOMPATIBLE\"",
				"\"path\": \"public.orders.columns.total.nullable\"",
				"{\n          \"environment\": \"dev\",\n          \"kind\": \"value\",\n          \"value\": false,"
						+ "\n          \"variant\": \"B\"\n        }",
				"\"variants\": [\n        true,\n        false\n      ]", "\"kind\": \"absent\"", "\"drift\": [\n        \"CONFIGURATION\",\n        \"DESTRUCTIVE\"\n      ]");
	}

	@Test
	void htmlIsSelfContainedAndColoursCellsByVariant() {
		String html = DriftMapHtmlReport.render(map(environments(), "prod"));

		assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n")
			.contains("<title>Drift map of 4 environments against prod</title>")
			.contains("<td class=\"variant\" style=\"background: #ffe2cc\" title=\"false\"><b>B</b>")
			.doesNotContain("<script").doesNotContain("src=").doesNotContain("href=").doesNotContain("url(");
	}

	@Test
	void htmlRendersInChromiumWithTheVariantsColours(@TempDir Path directory) throws IOException, InterruptedException {
		Path screenshot = HeadlessChromium.screenshot(DriftMapHtmlReport.render(map(environments(), "prod")), directory,
				1200, 900);

		Set<Integer> colours = HeadlessChromium.colours(screenshot, 1200, 900);
		assertThat(colours).as("colours in the screenshot").hasSizeGreaterThan(2);
		// Variant A's blue and variant B's orange cells are drawn, not just text on white.
		assertThat(colours).contains(0xFFDDF4FF, 0xFFFFE2CC);
	}

	@Test
	void aMapNeedsTwoDistinctEnvironmentsAndAReferenceAmongThem() {
		List<Environment> environments = environments();
		assertThatThrownBy(() -> map(environments.subList(0, 1), "dev")).hasMessageContaining("two environments or more");
		assertThatThrownBy(() -> map(List.of(environments.get(0), environments.get(0)), "dev"))
			.hasMessageContaining("two environments are named dev");
		assertThatThrownBy(() -> map(environments, "production")).hasMessageContaining("the reference production");
	}

	private static List<String> reports(DriftMap map) {
		return List.of(DriftMapTextReport.render(map), DriftMapMarkdownReport.render(map),
				DriftMapJsonReport.render(map), DriftMapHtmlReport.render(map));
	}
}
