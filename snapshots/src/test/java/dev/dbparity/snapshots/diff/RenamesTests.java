package dev.dbparity.snapshots.diff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.json.CanonicalJson;

class RenamesTests {

	private static ObjectNode schema(ObjectNode tree) {
		tree.put("format", 1);
		tree.putObject("engine").put("name", "postgres").put("version", "17.6").put("major", "17");
		return tree.putObject("schemas").putObject("public").putObject("tables");
	}

	private static void column(ObjectNode table, String name, int position, String type) {
		(table.has("columns") ? (ObjectNode) table.get("columns") : table.putObject("columns")).putObject(name).put("position", position).put("type", type)
			.put("nullable", true);
	}

	@Test
	void aColumnRemovedAndAnIdenticalOneAddedIsOneDifferenceLabelledByTheWorstCase() {
		ObjectNode before = CanonicalJson.object();
		ObjectNode after = CanonicalJson.object();
		column(schema(before).putObject("customer"), "mail", 2, "text");
		column(schema(after).putObject("customer"), "email", 2, "text");

		SchemaDiffResult result = SchemaDiff.compare(new SchemaSnapshot(before), new SchemaSnapshot(after),
				IgnoreRules.none());

		assertThat(result.differences()).singleElement().satisfies(difference -> {
			assertThat(difference.path()).isEqualTo("public.customer.columns.mail");
			assertThat(difference.kind()).isEqualTo(Kind.CHANGED);
			assertThat(difference.category()).isEqualTo(Category.DESTRUCTIVE);
			assertThat(difference.categories()).containsExactly(Category.DESTRUCTIVE, Category.INCOMPATIBLE);
			assertThat(difference.note()).hasValueSatisfying(note -> assertThat(note)
				.contains("may be a rename of column customer.mail to email"));
			assertThat(difference.actual().orElseThrow().asText()).isEqualTo("email");
		});
	}

	@Test
	void aColumnRenameTheMigrationPerformsIsIncompatibleOnly() {
		ObjectNode before = CanonicalJson.object();
		ObjectNode after = CanonicalJson.object();
		column(schema(before).putObject("customer"), "mail", 2, "text");
		column(schema(after).putObject("customer"), "email", 2, "text");

		SchemaDiffResult result = SchemaDiff.compare(new SchemaSnapshot(before), new SchemaSnapshot(after),
				IgnoreRules.none(), KnownRenames.in("ALTER TABLE public.customer RENAME COLUMN mail TO \"email\";"));

		assertThat(result.differences()).singleElement().satisfies(difference -> {
			assertThat(difference.path()).isEqualTo("public.customer.columns.mail");
			assertThat(difference.categories()).containsExactly(Category.INCOMPATIBLE);
			assertThat(difference.note()).isEmpty();
		});
	}

	@Test
	void aRenameOfAnotherColumnLeavesTheWorstCase() {
		ObjectNode before = CanonicalJson.object();
		ObjectNode after = CanonicalJson.object();
		column(schema(before).putObject("customer"), "mail", 2, "text");
		column(schema(after).putObject("customer"), "email", 2, "text");

		SchemaDiffResult result = SchemaDiff.compare(new SchemaSnapshot(before), new SchemaSnapshot(after),
				IgnoreRules.none(), KnownRenames.in("ALTER TABLE customer RENAME COLUMN phone TO email;"));

		assertThat(result.differences()).singleElement()
			.satisfies(difference -> assertThat(difference.category()).isEqualTo(Category.DESTRUCTIVE));
	}

	@Test
	void aTableRenamedIsOneDestructiveDifferenceUnlessTheMigrationRenamesIt() {
		ObjectNode before = CanonicalJson.object();
		ObjectNode after = CanonicalJson.object();
		column(schema(before).putObject("orders"), "id", 1, "bigint");
		column(schema(after).putObject("customer_order"), "id", 1, "bigint");

		SchemaDiffResult result = SchemaDiff.compare(new SchemaSnapshot(before), new SchemaSnapshot(after),
				IgnoreRules.none());

		assertThat(result.differences()).singleElement().satisfies(difference -> {
			assertThat(difference.path()).isEqualTo("public.orders");
			assertThat(difference.categories()).containsExactly(Category.DESTRUCTIVE, Category.INCOMPATIBLE);
		});
		assertThat(SchemaDiff.compare(new SchemaSnapshot(before), new SchemaSnapshot(after), IgnoreRules.none(),
				KnownRenames.in("RENAME TABLE `orders` TO customer_order")).differences()).singleElement()
			.satisfies(difference -> assertThat(difference.categories()).containsExactly(Category.INCOMPATIBLE));
	}

	@Test
	void aChangedTypeIsNoRename() {
		ObjectNode before = CanonicalJson.object();
		ObjectNode after = CanonicalJson.object();
		column(schema(before).putObject("customer"), "mail", 2, "text");
		column(schema(after).putObject("customer"), "email", 2, "varchar(10)");

		SchemaDiffResult result = SchemaDiff.compare(new SchemaSnapshot(before), new SchemaSnapshot(after),
				IgnoreRules.none());

		assertThat(result.differences()).extracting(Difference::kind).containsExactlyInAnyOrder(Kind.ADDED, Kind.REMOVED);
	}

	@Test
	void ambiguousPairsAreNotGuessed() {
		ObjectNode before = CanonicalJson.object();
		ObjectNode after = CanonicalJson.object();
		ObjectNode old = schema(before).putObject("customer");
		column(old, "a", 1, "text");
		column(old, "b", 2, "text");
		ObjectNode now = schema(after).putObject("customer");
		column(now, "c", 1, "text");
		column(now, "d", 2, "text");

		SchemaDiffResult result = SchemaDiff.compare(new SchemaSnapshot(before), new SchemaSnapshot(after),
				IgnoreRules.none());

		assertThat(result.differences()).hasSize(4);
	}
}
