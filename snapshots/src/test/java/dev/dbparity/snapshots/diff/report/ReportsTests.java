package dev.dbparity.snapshots.diff.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.dbparity.snapshots.diff.Category;
import dev.dbparity.snapshots.diff.Difference;
import dev.dbparity.snapshots.diff.Kind;
import dev.dbparity.snapshots.diff.SchemaDiffResult;
import dev.dbparity.snapshots.json.CanonicalJson;

class ReportsTests {

	private static final String EXPECTED = "baseline schema.json";

	private static final String ACTUAL = "postgres 17.6";

	private static final SchemaDiffResult RESULT = new SchemaDiffResult(List.of(
			difference("public.orders.columns.total", Kind.REMOVED, Category.DESTRUCTIVE,
					"{\"type\": \"numeric(10,2)\", \"nullable\": true}", null),
			difference("public.orders.primaryKey.name", Kind.CHANGED, Category.NAMING, "\"orders_pkey\"",
					"\"pk_orders\""),
			difference("public.views.v|w.definition", Kind.CHANGED, Category.INCOMPATIBLE,
					"\"SELECT '<script>alert(1)</script>' || x\"", "\"SELECT `2`\"")),
			List.of(difference("public.orders.owner", Kind.CHANGED, Category.SECURITY, "\"app\"", "\"postgres\"")));

	private static final SchemaDiffResult EMPTY = new SchemaDiffResult(List.of(), List.of());

	private static Difference difference(String path, Kind kind, Category category, String expected, String actual) {
		return new Difference(List.of(path.split("\\.")), path, kind, category, json(expected), json(actual));
	}

	private static Optional<JsonNode> json(String json) {
		return Optional.ofNullable(json)
			.map(text -> CanonicalJson.read(text.getBytes(StandardCharsets.UTF_8), "test"));
	}

	@Nested
	class Text {

		@Test
		void listsTheFirstDifferencesAndCountsTheRest() {
			assertThat(TextReport.render(RESULT, EXPECTED, ACTUAL, Optional.of("target/dbparity/schema-diff.html"), 2))
				.isEqualTo("""
						Expecting the schema of postgres 17.6 to match baseline schema.json, but found 3 differences \
						(1 ignored):
						  DESTRUCTIVE 1, INCOMPATIBLE 1, NAMING 1
						  DESTRUCTIVE    removed  public.orders.columns.total: {"nullable":true,"type":"numeric(10,2)"} \
						→ (absent)
						  NAMING         changed  public.orders.primaryKey.name: "orders_pkey" → "pk_orders"
						  … and 1 more
						Full report: target/dbparity/schema-diff.html""");
		}

		@Test
		void abbreviatesLongValues() {
			String longText = "x".repeat(100);
			SchemaDiffResult result = new SchemaDiffResult(List.of(difference("settings.search_path", Kind.ADDED,
					Category.CONFIGURATION, null, "\"" + longText + "\"")), List.of());

			assertThat(TextReport.render(result, EXPECTED, ACTUAL, Optional.empty(), 10)).isEqualTo("""
					Expecting the schema of postgres 17.6 to match baseline schema.json, but found 1 difference:
					  CONFIGURATION 1
					  CONFIGURATION  added    settings.search_path: (absent) → \"""" + "x".repeat(78) + "…");
		}

		@Test
		void showsWhereTwoLongValuesStartToDiffer() {
			String common = "SELECT b.id, b.title, a.name AS author FROM public.book b JOIN public.author a ON a.id = b.author_id";
			SchemaDiffResult result = new SchemaDiffResult(List.of(difference("public.views.book_list.definition",
					Kind.CHANGED, Category.INCOMPATIBLE, "\"" + common + "\"", "\"" + common + " WHERE NOT b.out_of_print\"")),
					List.of());

			assertThat(TextReport.render(result, EXPECTED, ACTUAL, Optional.empty(), 10)).endsWith("\n  INCOMPATIBLE   "
					+ "changed  public.views.book_list.definition: …N a.id = b.author_id\" → …N a.id = b.author_id "
					+ "WHERE NOT b.out_of_print\"");
		}

		@Test
		void saysWhenTheSchemasMatch() {
			assertThat(TextReport.render(EMPTY, EXPECTED, ACTUAL, Optional.empty(), 10))
				.isEqualTo("The schema of postgres 17.6 matches baseline schema.json.");
		}

		@Test
		void rejectsANegativeMaximum() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> TextReport.render(RESULT, EXPECTED, ACTUAL, Optional.empty(), -1))
				.withMessage("maxDifferences must be 0 or more, but was -1");
		}
	}

	@Nested
	class Json {

		@Test
		void writesEachDifferenceAsCanonicalJson() {
			assertThat(JsonReport.render(RESULT)).isEqualTo("""
					{
					  "differences": [
					    {
					      "category": "DESTRUCTIVE",
					      "expected": {
					        "nullable": true,
					        "type": "numeric(10,2)"
					      },
					      "kind": "removed",
					      "path": "public.orders.columns.total"
					    },
					    {
					      "actual": "pk_orders",
					      "category": "NAMING",
					      "expected": "orders_pkey",
					      "kind": "changed",
					      "path": "public.orders.primaryKey.name"
					    },
					    {
					      "actual": "SELECT `2`",
					      "category": "INCOMPATIBLE",
					      "expected": "SELECT '<script>alert(1)</script>' || x",
					      "kind": "changed",
					      "path": "public.views.v|w.definition"
					    }
					  ]
					}
					""");
		}

		@Test
		void writesAnEmptyList() {
			assertThat(JsonReport.render(EMPTY)).isEqualTo("{\n  \"differences\": [ ]\n}\n");
		}
	}

	@Nested
	class Markdown {

		@Test
		void writesASummaryAndADifferenceTable() {
			assertThat(MarkdownReport.render(RESULT, EXPECTED, ACTUAL)).isEqualTo("""
					### Schema of postgres 17.6 against baseline schema.json

					**3 differences** (1 ignored)

					| Category | Differences |
					| --- | ---: |
					| DESTRUCTIVE | 1 |
					| INCOMPATIBLE | 1 |
					| NAMING | 1 |

					| Category | Kind | Path | Expected | Actual |
					| --- | --- | --- | --- | --- |
					| DESTRUCTIVE | removed | `public.orders.columns.total` | `{"nullable":true,"type":"numeric(10,2)"}` |  |
					| NAMING | changed | `public.orders.primaryKey.name` | `"orders_pkey"` | `"pk_orders"` |
					| INCOMPATIBLE | changed | `public.views.v\\|w.definition` | `"SELECT '<script>alert(1)</script>' \\|\\| x"` \
					| ``"SELECT `2`"`` |
					""");
		}

		@Test
		void saysWhenTheSchemasMatch() {
			assertThat(MarkdownReport.render(EMPTY, EXPECTED, ACTUAL))
				.isEqualTo("### Schema of postgres 17.6 against baseline schema.json\n\nNo differences.\n");
		}
	}

	@Nested
	class Html {

		private final String html = HtmlReport.render(RESULT, EXPECTED, ACTUAL);

		@Test
		void escapesEveryValue() {
			assertThat(html).doesNotContain("<script>")
				.contains("&quot;SELECT &#39;&lt;script&gt;alert(1)&lt;/script&gt;&#39; || x&quot;");
		}

		@Test
		void referencesNoExternalResource() {
			assertThat(html).doesNotContain("http").doesNotContain("src=").doesNotContain("<link")
				.contains("<style>");
		}

		@Test
		void groupsEachPathUnderItsCategoryInSeverityOrder() {
			assertThat(html).containsSubsequence("<h2 id=\"DESTRUCTIVE\">DESTRUCTIVE (1)</h2>",
					"public.orders.columns.total", "<h2 id=\"INCOMPATIBLE\">INCOMPATIBLE (1)</h2>",
					"public.views.v|w.definition", "<h2 id=\"NAMING\">NAMING (1)</h2>", "public.orders.primaryKey.name",
					"<h2 id=\"ignored\">Ignored (1)</h2>", "public.orders.owner");
			assertThat(html).startsWith("<!DOCTYPE html>\n").endsWith("</html>\n");
		}
	}
}
