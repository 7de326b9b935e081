package dev.dbparity.snapshots.diff;

import static dev.dbparity.snapshots.diff.Category.ADDITIVE;
import static dev.dbparity.snapshots.diff.Category.DESTRUCTIVE;
import static dev.dbparity.snapshots.diff.Category.INCOMPATIBLE;
import static dev.dbparity.snapshots.diff.Category.INTEGRITY;
import static dev.dbparity.snapshots.diff.Category.NAMING;
import static dev.dbparity.snapshots.diff.Category.PERFORMANCE;
import static dev.dbparity.snapshots.diff.Category.SECURITY;
import static dev.dbparity.snapshots.diff.Kind.ADDED;
import static dev.dbparity.snapshots.diff.Kind.CHANGED;
import static dev.dbparity.snapshots.diff.Kind.REMOVED;
import static dev.dbparity.snapshots.diff.Trees.none;
import static dev.dbparity.snapshots.diff.Trees.remove;
import static dev.dbparity.snapshots.diff.Trees.set;
import static dev.dbparity.snapshots.diff.Trees.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.dbparity.snapshots.diff.report.HtmlReport;
import dev.dbparity.snapshots.diff.report.JsonReport;
import dev.dbparity.snapshots.diff.report.MarkdownReport;
import dev.dbparity.snapshots.diff.report.TextReport;
import dev.dbparity.snapshots.json.CanonicalJson;

/** Differences labelled by what happened to the data, with every category they have, in both directions. */
class WorstCaseLabelsTests {

	private static final String PUBLIC = "schemas/public/";

	private static final String ORDERS = PUBLIC + "tables/orders/";

	private static final String EVENT = PUBLIC + "events/purge/";

	private static final String PURGE = "{\"definition\": \"delete from orders\", \"every\": \"1 DAY\", "
			+ "\"status\": \"ENABLED\", \"onCompletion\": \"NOT PRESERVE\", \"definer\": \"app@%\"}";

	/** One edit and the difference it makes, from {@code BASE} to the edit ({@code forward}) and back. */
	record Case(String rule, Consumer<ObjectNode> edit, String path, Kind forward, List<Category> there,
			List<Category> back) {

		@Override
		public String toString() {
			return rule;
		}
	}

	private static Case both(String rule, Consumer<ObjectNode> edit, String path, Kind forward, List<Category> there,
			List<Category> back) {
		return new Case(rule, edit, path, forward, there, back);
	}

	private static Consumer<ObjectNode> mariadb(Consumer<ObjectNode> edit) {
		return set("engine/name", "\"mariadb\"").andThen(edit);
	}

	private static Consumer<ObjectNode> withEvent(Consumer<ObjectNode> edit) {
		return mariadb(set(EVENT.substring(0, EVENT.length() - 1), PURGE)).andThen(edit);
	}

	static Stream<Case> cases() {
		return Stream.of(
				both("primary key dropped: its index goes too", remove(ORDERS + "primaryKey"), "public.orders.primaryKey",
						REMOVED, List.of(INTEGRITY, PERFORMANCE), List.of(INTEGRITY, PERFORMANCE)),
				both("primary key re-keyed", set(ORDERS + "primaryKey/columns", "[\"id\", \"status\"]"),
						"public.orders.primaryKey.columns", CHANGED, List.of(INTEGRITY, PERFORMANCE),
						List.of(INTEGRITY, PERFORMANCE)),
				both("unique constraint dropped", remove(ORDERS + "uniqueConstraints/(status)"),
						"public.orders.uniqueConstraints.(status)", REMOVED, List.of(INTEGRITY, PERFORMANCE),
						List.of(INTEGRITY, PERFORMANCE)),
				both("generated column made STORED or VIRTUAL", set(ORDERS + "columns/total/generated",
						"{\"expression\": \"1\", \"stored\": true}").andThen(
								set(ORDERS + "columns/total/generated/stored", "false")),
						"public.orders.columns.total.generated", ADDED, List.of(DESTRUCTIVE), List.of(DESTRUCTIVE)),
				both("table made partitioned or not", remove(ORDERS + "partitioning"), "public.orders.partitioning",
						REMOVED, List.of(DESTRUCTIVE), List.of(DESTRUCTIVE)),
				both("PostgreSQL table re-created partitioned", set(ORDERS + "kind", "\"partitioned table\""),
						"public.orders.kind", CHANGED, List.of(DESTRUCTIVE), List.of(DESTRUCTIVE)),
				both("MariaDB partition dropped with its rows, or added",
						set(ORDERS + "partitioning/partitions/p2025", "{\"position\": 1, \"values\": \"2025\"}"),
						"public.orders.partitioning.partitions.p2025", ADDED, List.of(ADDITIVE), List.of(DESTRUCTIVE)),
				both("PostgreSQL partition attached, or detached (its rows leave the parent)",
						set(ORDERS + "partitionOf", "{\"parent\": \"public.all_orders\"}"), "public.orders.partitionOf",
						ADDED, List.of(INCOMPATIBLE), List.of(DESTRUCTIVE)),
				both("function or procedure added, or dropped: its callers break, no data goes with it",
						set(PUBLIC + "routines/archive(date)", "{\"kind\": \"procedure\"}"), "public.routines.archive(date)",
						ADDED, List.of(ADDITIVE), List.of(INCOMPATIBLE)),
				both("column default changed, either way: the previous version's inserts still run",
						set(ORDERS + "columns/status/default", "\"'paid'::text\""), "public.orders.columns.status.default",
						CHANGED, List.of(ADDITIVE), List.of(ADDITIVE)),
				both("column default added, or removed: an insert without the column may now get NULL",
						remove(ORDERS + "columns/status/default"), "public.orders.columns.status.default", REMOVED,
						List.of(INCOMPATIBLE), List.of(ADDITIVE)),
				both("event added, or dropped", mariadb(set(EVENT.substring(0, EVENT.length() - 1), PURGE)),
						"public.events.purge", ADDED, List.of(DESTRUCTIVE), List.of(INCOMPATIBLE)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void labelsBothDirections(Case rule) {
		Consumer<ObjectNode> base = rule.rule().startsWith("event") ? mariadb(none()) : none();
		Kind back = rule.forward() == ADDED ? REMOVED : rule.forward() == REMOVED ? ADDED : CHANGED;

		assertThat(compare(base, rule.edit()).differences()).singleElement().satisfies(difference -> {
			assertThat(difference.path()).isEqualTo(rule.path());
			assertThat(difference.kind()).isEqualTo(rule.forward());
			assertThat(difference.categories()).isEqualTo(rule.there());
			assertThat(difference.category()).isEqualTo(rule.there().get(0));
		});
		assertThat(compare(rule.edit(), base).differences()).singleElement().satisfies(difference -> {
			assertThat(difference.path()).isEqualTo(rule.path());
			assertThat(difference.kind()).isEqualTo(back);
			assertThat(difference.categories()).isEqualTo(rule.back());
		});
	}

	static Stream<Case> eventChanges() {
		return Stream.of(
				both("body", set(EVENT + "definition", "\"delete from orders where id < 0\""),
						"public.events.purge.definition", CHANGED, List.of(DESTRUCTIVE), List.of(DESTRUCTIVE)),
				both("interval", set(EVENT + "every", "\"1 HOUR\""), "public.events.purge.every", CHANGED,
						List.of(DESTRUCTIVE), List.of(DESTRUCTIVE)),
				both("explicit start", set(EVENT + "starts", "\"2030-01-01 00:00:00\""), "public.events.purge.starts",
						ADDED, List.of(DESTRUCTIVE), List.of(DESTRUCTIVE)),
				both("end", set(EVENT + "ends", "\"2031-01-01 00:00:00\""), "public.events.purge.ends", ADDED,
						List.of(DESTRUCTIVE), List.of(DESTRUCTIVE)),
				both("disabled, or enabled again", set(EVENT + "status", "\"DISABLED\""), "public.events.purge.status",
						CHANGED, List.of(INCOMPATIBLE), List.of(DESTRUCTIVE)),
				both("disabled on a replica", set(EVENT + "status", "\"SLAVESIDE_DISABLED\""),
						"public.events.purge.status", CHANGED, List.of(INCOMPATIBLE), List.of(DESTRUCTIVE)),
				both("ON COMPLETION", set(EVENT + "onCompletion", "\"PRESERVE\""), "public.events.purge.onCompletion",
						CHANGED, List.of(INCOMPATIBLE), List.of(INCOMPATIBLE)),
				both("definer", set(EVENT + "definer", "\"root@localhost\""), "public.events.purge.definer", CHANGED,
						List.of(SECURITY), List.of(SECURITY)),
				both("comment", set(EVENT + "comment", "\"nightly\""), "public.events.purge.comment", ADDED,
						List.of(NAMING), List.of(NAMING)));
	}

	@ParameterizedTest(name = "event {0}")
	@MethodSource("eventChanges")
	void labelsEventChanges(Case rule) {
		Consumer<ObjectNode> base = withEvent(none());
		Consumer<ObjectNode> edited = withEvent(rule.edit());
		Kind back = rule.forward() == ADDED ? REMOVED : rule.forward() == REMOVED ? ADDED : CHANGED;

		assertThat(compare(base, edited).differences()).singleElement().satisfies(difference -> {
			assertThat(difference.path()).isEqualTo(rule.path());
			assertThat(difference.kind()).isEqualTo(rule.forward());
			assertThat(difference.categories()).isEqualTo(rule.there());
			assertThat(difference.note()).as("a note only on a worst case")
				.isEqualTo(rule.there().get(0) == DESTRUCTIVE ? Optional.of(CategoryRules.EVENT_NOTE) : Optional.empty());
		});
		assertThat(compare(edited, base).differences()).singleElement().satisfies(difference -> {
			assertThat(difference.kind()).isEqualTo(back);
			assertThat(difference.categories()).isEqualTo(rule.back());
		});
	}

	@Test
	void anEventCalledCommentIsAnEventNotAComment() {
		SchemaDiffResult result = compare(mariadb(none()), mariadb(set(PUBLIC + "events/comment", PURGE)));

		assertThat(result.differences()).singleElement()
			.satisfies(difference -> assertThat(difference.category()).isEqualTo(DESTRUCTIVE));
	}

	@Test
	void indexNamesDifferingInCaseAloneAreTheSameOnMariaDbButNotOnPostgres() {
		Consumer<ObjectNode> lower = set(ORDERS + "indexes/btree (customer_id)/name", "\"idx_A\"");
		Consumer<ObjectNode> upper = set(ORDERS + "indexes/btree (customer_id)/name", "\"IDX_a\"");
		Consumer<ObjectNode> uniqueLower = set(ORDERS + "uniqueConstraints/(status)/name", "\"uq_Status\"");
		Consumer<ObjectNode> uniqueUpper = set(ORDERS + "uniqueConstraints/(status)/name", "\"UQ_STATUS\"");

		assertThat(compare(mariadb(lower.andThen(uniqueLower)), mariadb(upper.andThen(uniqueUpper))).isEmpty())
			.isTrue();
		assertThat(compare(mariadb(upper.andThen(uniqueUpper)), mariadb(lower.andThen(uniqueLower))).isEmpty())
			.isTrue();
		assertThat(compare(lower, upper).differences()).singleElement()
			.satisfies(difference -> assertThat(difference.category()).isEqualTo(NAMING));
		assertThat(compare(mariadb(lower), mariadb(set(ORDERS + "indexes/btree (customer_id)/name", "\"idx_b\"")))
			.differences()).singleElement()
			.satisfies(difference -> assertThat(difference.category()).isEqualTo(NAMING));
	}

	@Test
	void aViewReCreatedAfterAColumnItUsesWasDroppedCarriesTheDropsCategory() {
		Consumer<ObjectNode> before = set(PUBLIC + "views/order_totals/definition",
				"\"SELECT orders.id, orders.total FROM orders\"");
		Consumer<ObjectNode> after = remove(ORDERS + "columns/total")
			.andThen(set(PUBLIC + "views/order_totals/definition", "\"SELECT orders.id FROM orders\""));

		SchemaDiffResult result = compare(before, after);

		assertThat(result.differences()).extracting(Difference::path, Difference::categories).containsExactly(
				org.assertj.core.groups.Tuple.tuple("public.orders.columns.total", List.of(DESTRUCTIVE)),
				org.assertj.core.groups.Tuple.tuple("public.views.order_totals.definition",
						List.of(DESTRUCTIVE, INCOMPATIBLE)));
		assertThat(result.differences().get(1).note()).hasValueSatisfying(
				note -> assertThat(note).contains("public.orders.columns.total"));
	}

	@Test
	void aViewChangedWithoutADataChangeStaysIncompatible() {
		SchemaDiffResult result = compare(none(), remove(ORDERS + "columns/customer_id")
			.andThen(set(PUBLIC + "views/order_totals/definition", "\"SELECT 2\"")));

		assertThat(result.differences()).filteredOn(difference -> difference.path().startsWith("public.views"))
			.singleElement().satisfies(difference -> {
				assertThat(difference.categories()).containsExactly(INCOMPATIBLE);
				assertThat(difference.note()).isEmpty();
			});
	}

	@Test
	void theJsonReportListsEveryCategoryAndTheNoteOnlyWhenThereAreMore() {
		SchemaDiffResult result = compare(none(), remove(ORDERS + "primaryKey")
			.andThen(set(ORDERS + "comment", "\"x\"")));

		String json = JsonReport.render(result);

		assertThat(CanonicalJson.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), "report")
			.path("differences")).satisfiesExactly(
					comment -> assertThat(comment.has("categories")).isFalse(),
					key -> {
						assertThat(key.path("category").asText()).isEqualTo("INTEGRITY");
						assertThat(key.path("categories").toString()).isEqualTo("[\"INTEGRITY\",\"PERFORMANCE\"]");
					});
	}

	@Test
	void textMarkdownAndHtmlReportsNameTheOtherCategoriesAndTheNote() {
		SchemaDiffResult result = compare(none(), remove(ORDERS + "primaryKey")
			.andThen(set(PUBLIC + "events/comment", PURGE)).andThen(mariadb(none())));

		assertThat(TextReport.render(result, "baseline", "db", Optional.empty(), 10)).contains(
				"INTEGRITY      removed  public.orders.primaryKey: {\"columns\":[\"id\"],\"name\":\"orders_pkey\"} → "
						+ "(absent) (also PERFORMANCE)",
				"added    public.events.comment: (absent) → {", "(" + CategoryRules.EVENT_NOTE + ")");
		assertThat(MarkdownReport.render(result, "baseline", "db"))
			.contains("| INTEGRITY (also PERFORMANCE) | removed | `public.orders.primaryKey` |");
		assertThat(HtmlReport.render(result, "baseline", "db")).contains("<code>public.orders.primaryKey</code> (also "
				+ "PERFORMANCE)</td>");
	}

	@Test
	void aDifferenceMustNameItsMostSevereCategoryFirst() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Difference(List.of("a"), "a", ADDED, PERFORMANCE,
				Optional.empty(), Optional.empty(), List.of(INTEGRITY), Optional.empty()))
			.withMessageContaining("pass INTEGRITY as the category");
	}

	private static SchemaDiffResult compare(Consumer<ObjectNode> expected, Consumer<ObjectNode> actual) {
		return SchemaDiff.compare(snapshot(expected), snapshot(actual), IgnoreRules.none());
	}
}
