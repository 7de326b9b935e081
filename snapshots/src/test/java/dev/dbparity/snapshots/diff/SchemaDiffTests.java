package dev.dbparity.snapshots.diff;

import static dev.dbparity.snapshots.diff.Category.ADDITIVE;
import static dev.dbparity.snapshots.diff.Category.COLUMN_ORDER;
import static dev.dbparity.snapshots.diff.Category.CONFIGURATION;
import static dev.dbparity.snapshots.diff.Category.DESTRUCTIVE;
import static dev.dbparity.snapshots.diff.Category.INCOMPATIBLE;
import static dev.dbparity.snapshots.diff.Category.INTEGRITY;
import static dev.dbparity.snapshots.diff.Category.NAMING;
import static dev.dbparity.snapshots.diff.Category.PERFORMANCE;
import static dev.dbparity.snapshots.diff.Category.SECURITY;
import static dev.dbparity.snapshots.diff.Kind.ADDED;
import static dev.dbparity.snapshots.diff.Kind.CHANGED;
import static dev.dbparity.snapshots.diff.Kind.REMOVED;
import static dev.dbparity.snapshots.diff.Trees.json;
import static dev.dbparity.snapshots.diff.Trees.none;
import static dev.dbparity.snapshots.diff.Trees.remove;
import static dev.dbparity.snapshots.diff.Trees.set;
import static dev.dbparity.snapshots.diff.Trees.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaDiffTests {

	private static final String PUBLIC = "schemas/public/";

	private static final String ORDERS = PUBLIC + "tables/orders/";

	private static final String COLUMNS = ORDERS + "columns/";

	private static SchemaDiffResult diff(Consumer<ObjectNode> expected, Consumer<ObjectNode> actual) {
		return SchemaDiff.compare(snapshot(expected), snapshot(actual), IgnoreRules.none());
	}

	/** One row of the category table: edits that make one difference, and the difference. */
	record Case(String rule, Consumer<ObjectNode> expected, Consumer<ObjectNode> actual, String path, Kind kind,
			Category category) {

		@Override
		public String toString() {
			return rule + " → " + category;
		}
	}

	private static Case change(String rule, Consumer<ObjectNode> actual, String path, Kind kind, Category category) {
		return new Case(rule, none(), actual, path, kind, category);
	}

	private static Case change(String rule, Consumer<ObjectNode> expected, Consumer<ObjectNode> actual, String path,
			Kind kind, Category category) {
		return new Case(rule, expected, actual, path, kind, category);
	}

	static Stream<Case> categoryTable() {
		String column = "{ \"position\": 9, \"type\": \"text\", \"nullable\": false";
		return Stream.of(
				change("format", set("format", "2"), "format", CHANGED, CONFIGURATION),
				change("engine major version", set("engine/major", "\"18\""), "engine.major", CHANGED, CONFIGURATION),
				change("setting", set("settings/timezone", "\"Europe/Paris\""), "settings.timezone", CHANGED,
						CONFIGURATION),
				change("setting added", set("settings/lc_collate", "\"C\""), "settings.lc_collate", ADDED,
						CONFIGURATION),
				change("extension version", set("extensions/pgcrypto/version", "\"1.4\""), "extensions.pgcrypto.version",
						CHANGED, CONFIGURATION),
				change("extension removed", remove("extensions/pgcrypto"), "extensions.pgcrypto", REMOVED,
						CONFIGURATION),
				change("schema removed", remove("schemas/public"), "public", REMOVED, DESTRUCTIVE),
				change("schema added", set("schemas/audit", "{}"), "audit", ADDED, ADDITIVE),
				change("table removed", remove(ORDERS + ""), "public.orders", REMOVED, DESTRUCTIVE),
				change("table added", set(PUBLIC + "tables/invoice", "{\"kind\": \"table\"}"), "public.invoice", ADDED,
						ADDITIVE),
				change("table named comment removed", remove(PUBLIC + "tables/comment"), "public.comment", REMOVED,
						DESTRUCTIVE),
				change("view removed", remove(PUBLIC + "views/order_totals"), "public.views.order_totals", REMOVED,
						DESTRUCTIVE),
				change("view added", set(PUBLIC + "views/v", "{\"definition\": \"SELECT 2\"}"), "public.views.v", ADDED,
						ADDITIVE),
				change("sequence removed", remove(PUBLIC + "sequences/order_seq"), "public.sequences.order_seq",
						REMOVED, DESTRUCTIVE),
				change("sequence added", set(PUBLIC + "sequences/s", "{\"type\": \"bigint\"}"), "public.sequences.s",
						ADDED, ADDITIVE),
				change("type removed", remove(PUBLIC + "types/status"), "public.types.status", REMOVED, DESTRUCTIVE),
				change("type added", set(PUBLIC + "types/mood", "{\"kind\": \"enum\", \"labels\": [\"ok\"]}"),
						"public.types.mood", ADDED, ADDITIVE),
				change("routine removed", remove(PUBLIC + "routines/order_total(bigint)"),
						"public.routines.order_total(bigint)", REMOVED, INCOMPATIBLE),
				change("routine added", set(PUBLIC + "routines/f()", "{\"kind\": \"function\"}"), "public.routines.f()",
						ADDED, ADDITIVE),
				change("column removed", remove(COLUMNS + "total"), "public.orders.columns.total", REMOVED,
						DESTRUCTIVE),
				change("nullable column added", set(COLUMNS + "note", "{\"position\": 9, \"type\": \"text\"}"),
						"public.orders.columns.note", ADDED, ADDITIVE),
				change("NOT NULL column with default added", set(COLUMNS + "note", column + ", \"default\": \"''\" }"),
						"public.orders.columns.note", ADDED, ADDITIVE),
				change("NOT NULL identity column added", set(COLUMNS + "note", column + ", \"identity\": \"always\" }"),
						"public.orders.columns.note", ADDED, ADDITIVE),
				change("NOT NULL auto-increment column added", set(COLUMNS + "note",
						column + ", \"autoIncrement\": true }"), "public.orders.columns.note", ADDED, ADDITIVE),
				change("NOT NULL generated column added", set(COLUMNS + "note",
						column + ", \"generated\": { \"expression\": \"1\", \"stored\": true } }"),
						"public.orders.columns.note", ADDED, ADDITIVE),
				change("NOT NULL column without default added", set(COLUMNS + "note", column + " }"),
						"public.orders.columns.note", ADDED, INCOMPATIBLE),
				change("type narrowed", set(COLUMNS + "status/type", "\"character varying(10)\""),
						"public.orders.columns.status.type", CHANGED, DESTRUCTIVE),
				change("type widened", set(COLUMNS + "status/type", "\"character varying(50)\""),
						"public.orders.columns.status.type", CHANGED, ADDITIVE),
				change("type of another family", set(COLUMNS + "total/type", "\"text\""),
						"public.orders.columns.total.type", CHANGED, DESTRUCTIVE),
				change("type to a wide enough numeric", set(COLUMNS + "id/type", "\"numeric(20,0)\""),
						"public.orders.columns.id.type", CHANGED, INCOMPATIBLE),
				change("domain base type narrowed", set(PUBLIC + "types/positive/baseType", "\"smallint\""),
						"public.types.positive.baseType", CHANGED, DESTRUCTIVE),
				change("sequence type narrowed", set(PUBLIC + "sequences/order_seq/type", "\"integer\""),
						"public.sequences.order_seq.type", CHANGED, DESTRUCTIVE),
				change("NOT NULL added", set(COLUMNS + "total/nullable", "false"), "public.orders.columns.total.nullable",
						CHANGED, INCOMPATIBLE),
				change("NOT NULL dropped", set(COLUMNS + "id/nullable", "true"), "public.orders.columns.id.nullable",
						CHANGED, ADDITIVE),
				change("domain NOT NULL added", set(PUBLIC + "types/positive/nullable", "false"),
						"public.types.positive.nullable", CHANGED, INCOMPATIBLE),
				change("default removed", remove(COLUMNS + "status/default"), "public.orders.columns.status.default",
						REMOVED, INCOMPATIBLE),
				change("default added", set(COLUMNS + "total/default", "\"0\""), "public.orders.columns.total.default",
						ADDED, ADDITIVE),
				change("default changed", set(COLUMNS + "status/default", "\"'paid'\""),
						"public.orders.columns.status.default", CHANGED, ADDITIVE),
				change("identity changed", set(COLUMNS + "id/identity", "\"by default\""),
						"public.orders.columns.id.identity", CHANGED, INCOMPATIBLE),
				change("regular column made generated", set(COLUMNS + "total/generated", "{\"expression\": \"1\"}"),
						"public.orders.columns.total.generated", ADDED, DESTRUCTIVE),
				change("auto-increment dropped", set(COLUMNS + "id/autoIncrement", "true"), none(),
						"public.orders.columns.id.autoIncrement", REMOVED, INCOMPATIBLE),
				change("primary key columns", set(ORDERS + "primaryKey/columns", "[\"id\", \"status\"]"),
						"public.orders.primaryKey.columns", CHANGED, INTEGRITY),
				change("primary key name", set(ORDERS + "primaryKey/name", "\"pk_orders\""),
						"public.orders.primaryKey.name", CHANGED, NAMING),
				change("foreign key action", set(ORDERS + "foreignKeys/(customer_id) -> public.customer(id)/onDelete",
						"\"CASCADE\""), "public.orders.foreignKeys.(customer_id) -> public.customer(id).onDelete", CHANGED,
						INTEGRITY),
				change("foreign key removed", remove(ORDERS + "foreignKeys/(customer_id) -> public.customer(id)"),
						"public.orders.foreignKeys.(customer_id) -> public.customer(id)", REMOVED, INTEGRITY),
				change("foreign key name", set(ORDERS + "foreignKeys/(customer_id) -> public.customer(id)/name",
						"\"fk_customer\""), "public.orders.foreignKeys.(customer_id) -> public.customer(id).name", CHANGED,
						NAMING),
				change("unique constraint added", set(ORDERS + "uniqueConstraints/(total)", "{\"name\": \"u\"}"),
						"public.orders.uniqueConstraints.(total)", ADDED, INTEGRITY),
				change("unique constraint name", set(ORDERS + "uniqueConstraints/(status)/name", "\"u\""),
						"public.orders.uniqueConstraints.(status).name", CHANGED, NAMING),
				change("check not validated", set(ORDERS + "checks/(total > 0)/validated", "false"),
						"public.orders.checks.(total > 0).validated", CHANGED, INTEGRITY),
				change("check name", set(ORDERS + "checks/(total > 0)/name", "\"c\""),
						"public.orders.checks.(total > 0).name", CHANGED, NAMING),
				change("exclusion removed", remove(ORDERS + "exclusions/gist (id WITH =)"),
						"public.orders.exclusions.gist (id WITH =)", REMOVED, INTEGRITY),
				change("exclusion name", set(ORDERS + "exclusions/gist (id WITH =)/name", "\"x\""),
						"public.orders.exclusions.gist (id WITH =).name", CHANGED, NAMING),
				change("domain check removed", remove(PUBLIC + "types/positive/checks/(VALUE > 0)"),
						"public.types.positive.checks.(VALUE > 0)", REMOVED, INTEGRITY),
				change("domain check name", set(PUBLIC + "types/positive/checks/(VALUE > 0)/name", "\"p\""),
						"public.types.positive.checks.(VALUE > 0).name", CHANGED, NAMING),
				change("index removed", remove(ORDERS + "indexes/btree (customer_id)"),
						"public.orders.indexes.btree (customer_id)", REMOVED, PERFORMANCE),
				change("index made unique", set(ORDERS + "indexes/btree (customer_id)/unique", "true"),
						"public.orders.indexes.btree (customer_id).unique", CHANGED, PERFORMANCE),
				change("index name", set(ORDERS + "indexes/btree (customer_id)/name", "\"i\""),
						"public.orders.indexes.btree (customer_id).name", CHANGED, NAMING),
				change("materialized view index", set(PUBLIC + "views/order_totals/indexes/btree (id)", "{}"),
						"public.views.order_totals.indexes.btree (id)", ADDED, PERFORMANCE),
				change("grant added", set(ORDERS + "grants/reporting", "[\"INSERT\", \"SELECT\"]"),
						"public.orders.grants.reporting", CHANGED, SECURITY),
				change("grantee added", set(ORDERS + "grants/app", "[\"SELECT\"]"), "public.orders.grants.app", ADDED,
						SECURITY),
				change("default privilege revoked", set(PUBLIC + "routines/order_total(bigint)/revoked/PUBLIC",
						"[\"EXECUTE\"]"), "public.routines.order_total(bigint).revoked.PUBLIC", ADDED, SECURITY),
				change("row-level security", set(ORDERS + "rowLevelSecurity/enabled", "true"),
						"public.orders.rowLevelSecurity.enabled", CHANGED, SECURITY),
				change("policy", remove(ORDERS + "policies/own_rows"), "public.orders.policies.own_rows", REMOVED,
						SECURITY),
				change("security definer", set(PUBLIC + "routines/order_total(bigint)/securityDefiner", "true"),
						"public.routines.order_total(bigint).securityDefiner", CHANGED, SECURITY),
				change("view security type", set(PUBLIC + "views/order_totals/securityType", "\"DEFINER\""),
						"public.views.order_totals.securityType", ADDED, SECURITY),
				change("schema comment", set(PUBLIC + "comment", "\"core\""), "public.comment", CHANGED, NAMING),
				change("column comment", remove(COLUMNS + "customer_id/comment"),
						"public.orders.columns.customer_id.comment", REMOVED, NAMING),
				change("column position", set(COLUMNS + "total/position", "7"), "public.orders.columns.total.position",
						CHANGED, COLUMN_ORDER),
				change("owner", set(ORDERS + "owner", "\"postgres\""), "public.orders.owner", CHANGED, SECURITY),
				change("view definition", set(PUBLIC + "views/order_totals/definition", "\"SELECT 2\""),
						"public.views.order_totals.definition", CHANGED, INCOMPATIBLE),
				change("routine body", set(PUBLIC + "routines/order_total(bigint)/bodyHash", "\"sha256:bb\""),
						"public.routines.order_total(bigint).bodyHash", CHANGED, INCOMPATIBLE),
				change("routine result", set(PUBLIC + "routines/order_total(bigint)/returns", "\"bigint\""),
						"public.routines.order_total(bigint).returns", CHANGED, INCOMPATIBLE),
				change("routine arguments", set(PUBLIC + "routines/order_total(bigint)/arguments", "\"o bigint\""),
						"public.routines.order_total(bigint).arguments", CHANGED, INCOMPATIBLE),
				change("trigger", set(ORDERS + "triggers/orders_audit/enabled", "\"D\""),
						"public.orders.triggers.orders_audit.enabled", CHANGED, INTEGRITY),
				change("partitioning", set(ORDERS + "partitioning/strategy", "\"list\""),
						"public.orders.partitioning.strategy", CHANGED, INCOMPATIBLE),
				change("partition of", set(ORDERS + "partitionOf", "{\"parent\": \"public.all_orders\"}"),
						"public.orders.partitionOf", ADDED, INCOMPATIBLE),
				change("inherits", remove(ORDERS + "inherits"), "public.orders.inherits", REMOVED, INCOMPATIBLE),
				change("enum label appended", set(PUBLIC + "types/status/labels", "[\"new\", \"paid\", \"shipped\", \"lost\"]"),
						"public.types.status.labels", CHANGED, ADDITIVE),
				change("enum label inserted", set(PUBLIC + "types/status/labels", "[\"new\", \"held\", \"paid\", \"shipped\"]"),
						"public.types.status.labels", CHANGED, ADDITIVE),
				change("enum label removed", set(PUBLIC + "types/status/labels", "[\"new\", \"shipped\"]"),
						"public.types.status.labels", CHANGED, DESTRUCTIVE),
				change("enum labels reordered", set(PUBLIC + "types/status/labels", "[\"paid\", \"new\", \"shipped\"]"),
						"public.types.status.labels", CHANGED, DESTRUCTIVE),
				change("column collation", set(COLUMNS + "status/collation", "\"en_US\""),
						"public.orders.columns.status.collation", CHANGED, CONFIGURATION),
				change("table charset", set(ORDERS + "charset", "\"latin1\""), "public.orders.charset", ADDED,
						CONFIGURATION),
				change("table engine", set(ORDERS + "engine", "\"MyISAM\""), "public.orders.engine", ADDED,
						CONFIGURATION),
				change("table storage parameter", set(ORDERS + "storage", "{\"fillfactor\": \"80\"}"),
						"public.orders.storage", ADDED, CONFIGURATION),
				change("index storage parameter", set(ORDERS + "indexes/btree (customer_id)/storage",
						"{\"fillfactor\": \"70\"}"), "public.orders.indexes.btree (customer_id).storage", ADDED,
						CONFIGURATION),
				change("fallback: sequence increment", set(PUBLIC + "sequences/order_seq/increment", "2"),
						"public.sequences.order_seq.increment", CHANGED, INCOMPATIBLE),
				change("fallback: unknown attribute", set(ORDERS + "tablespace", "\"fast\""), "public.orders.tablespace",
						ADDED, INCOMPATIBLE));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("categoryTable")
	void categorisesEachRule(Case rule) {
		SchemaDiffResult result = diff(rule.expected(), rule.actual());

		assertThat(result.differences()).singleElement().satisfies(difference -> {
			assertThat(difference.path()).isEqualTo(rule.path());
			assertThat(difference.kind()).isEqualTo(rule.kind());
			assertThat(difference.category()).isEqualTo(rule.category());
		});
	}

	@Nested
	@DisplayName("when the trees differ")
	class Shape {

		@Test
		void equalTreesHaveNoDifference() {
			SchemaDiffResult result = diff(none(), none());

			assertThat(result.isEmpty()).isTrue();
			assertThat(result.differences()).isEmpty();
			assertThat(result.ignored()).isEmpty();
			assertThat(result.countsByCategory()).isEmpty();
		}

		@Test
		void aRemovedSubtreeIsOneDifferenceHoldingIt() {
			SchemaDiffResult result = diff(none(), remove(ORDERS));

			assertThat(result.differences()).singleElement().satisfies(difference -> {
				assertThat(difference.keys()).containsExactly("schemas", "public", "tables", "orders");
				assertThat(difference.expected()).contains(Trees.base().at("/schemas/public/tables/orders"));
				assertThat(difference.actual()).isEmpty();
			});
		}

		@Test
		void anArrayChangeIsOneChangeOfTheWholeArray() {
			SchemaDiffResult result = diff(none(), set(ORDERS + "inherits", "[\"public.base\", \"public.other\"]"));

			assertThat(result.differences()).singleElement().satisfies(difference -> {
				assertThat(difference.path()).isEqualTo("public.orders.inherits");
				assertThat(difference.expected()).contains(json("[\"public.base\"]"));
				assertThat(difference.actual()).contains(json("[\"public.base\", \"public.other\"]"));
			});
		}

		@Test
		void pathsDropTheSchemasAndTablesLevels() {
			SchemaDiffResult result = diff(none(), set(COLUMNS + "total/type", "\"numeric(12,2)\"")
				.andThen(set(PUBLIC + "views/order_totals/definition", "\"SELECT 3\""))
				.andThen(set("extensions/pgcrypto/version", "\"1.4\""))
				.andThen(set("settings/lc_collate", "\"C\""))
				.andThen(set(PUBLIC + "owner", "\"admin\"")));

			assertThat(result.differences()).extracting(Difference::path).containsExactly(
					"extensions.pgcrypto.version", "public.orders.columns.total.type", "public.owner",
					"public.views.order_totals.definition", "settings.lc_collate");
		}

		@Test
		void aMissingCollectionIsAnEmptyOne() {
			SchemaDiffResult result = diff(remove(ORDERS + "indexes").andThen(set(ORDERS + "triggers", "{}")),
					remove(ORDERS + "triggers"));

			assertThat(result.differences()).singleElement().satisfies(difference -> {
				assertThat(difference.path()).isEqualTo("public.orders.indexes.btree (customer_id)");
				assertThat(difference.kind()).isEqualTo(ADDED);
				assertThat(difference.category()).isEqualTo(PERFORMANCE);
			});
		}

		@Test
		void nullIsAbsentAndNumbersCompareByValue() {
			SchemaDiffResult result = diff(set(COLUMNS + "total/comment", "null"),
					set(PUBLIC + "sequences/order_seq/start", "1.0"));

			assertThat(result.differences()).isEmpty();
		}

		@Test
		void countsByCategoryInSeverityOrder() {
			SchemaDiffResult result = diff(none(), remove(COLUMNS + "total")
				.andThen(set(ORDERS + "comment", "\"all orders\""))
				.andThen(set(ORDERS + "primaryKey/name", "\"pk\""))
				.andThen(set(COLUMNS + "status/nullable", "true")));

			assertThat(result.countsByCategory()).containsExactly(entry(DESTRUCTIVE, 1L), entry(ADDITIVE, 1L),
					entry(NAMING, 2L));
		}
	}

	@Nested
	@DisplayName("when ignore rules apply")
	class Ignoring {

		private final Consumer<ObjectNode> drift = set(ORDERS + "owner", "\"postgres\"")
			.andThen(set(PUBLIC + "tables/audit_log", "{\"kind\": \"table\"}"))
			.andThen(set(COLUMNS + "total/comment", "\"sum\""));

		@Test
		void ownersAreIgnoredByDefaultAndKept() {
			SchemaDiffResult result = SchemaDiff.compare(snapshot(none()), snapshot(drift), IgnoreRules.defaults());

			assertThat(result.differences()).extracting(Difference::path)
				.containsExactly("public.audit_log", "public.orders.columns.total.comment");
			assertThat(result.ignored()).extracting(Difference::path, Difference::category)
				.containsExactly(tuple("public.orders.owner", SECURITY));
		}

		@Test
		void globsIgnoreMatchingPathsAndTheirDescendants() {
			SchemaDiffResult result = SchemaDiff.compare(snapshot(none()), snapshot(drift),
					IgnoreRules.defaults().withGlobs("public.audit_*", "**.comment"));

			assertThat(result.isEmpty()).isTrue();
			assertThat(result.ignored()).extracting(Difference::path).containsExactly("public.audit_log",
					"public.orders.columns.total.comment", "public.orders.owner");
		}

		@Test
		void withoutDefaultsOwnersCount() {
			SchemaDiffResult result = SchemaDiff.compare(snapshot(none()), snapshot(drift),
					IgnoreRules.defaults().withoutDefaults());

			assertThat(result.differences()).hasSize(3);
			assertThat(result.ignored()).isEqualTo(List.of());
			assertThat(result.differences().get(2).actual()).isEqualTo(Optional.of(json("\"postgres\"")));
		}
	}
}
