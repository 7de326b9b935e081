package dev.dbparity.seeding;

import static dev.dbparity.badinput.BadInputMessage.assertSays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dbparity.badinput.BadInputEntry;
import dev.dbparity.badinput.FileTree;
import dev.dbparity.seeding.mask.MaskingKey;
import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.json.CanonicalJson;

/**
 * The seed-rules part of the bad-input catalogue ({@code seeding/BAD-INPUTS.md}, "Seed rules"): each mistake is
 * written to a {@code seed.yaml} beside an existing {@code seed.lock.json}, read with {@link SeedRules#load}, and, when
 * it parses, checked with {@link Seeder#check} against the schema a PostgreSQL or MariaDB catalog reader gives (what
 * {@link Seeder#seed} does before writing) in lock mode UPDATE; nothing in the directory may change. The same mistakes
 * against live engines are in the runtime module's {@code SeedValidationTests}.
 */
class SeedRulesBadInputTests {

	static final String HEAD = "version: 1\nseed: 7\n";

	@TempDir
	Path dir;

	private FileTree before;

	@BeforeEach
	void lockFile() throws IOException {
		Files.writeString(dir.resolve("seed.lock.json"), "{\"format\": 1, \"profiles\": {}}\n");
	}

	/** The problems of rules that do not even parse; the directory is unchanged. */
	SeedRulesException loading(String yaml) throws IOException {
		Path file = write(yaml);
		SeedRulesException thrown = catchThrowableOfType(SeedRulesException.class, () -> SeedRules.load(file));
		assertThat(FileTree.of(dir)).isEqualTo(before);
		return thrown;
	}

	/** The problems of rules that parse but do not fit {@code schema}; the directory and the lock are unchanged. */
	SeedRulesException checking(String yaml, SchemaSnapshot schema) throws IOException {
		return checking(yaml, schema, options());
	}

	SeedRulesException checking(String yaml, SchemaSnapshot schema, SeedOptions options) throws IOException {
		SeedRules rules = SeedRules.load(write(yaml));
		SeedRulesException thrown = catchThrowableOfType(SeedRulesException.class,
				() -> Seeder.check(rules, schema, options));
		assertThat(FileTree.of(dir)).isEqualTo(before);
		return thrown;
	}

	SeedOptions options() {
		return SeedOptions.defaults().withMaskingKey(MaskingKey.of("catalogue key"))
			.withLock(LockMode.UPDATE, dir.resolve("seed.lock.json"));
	}

	private Path write(String yaml) throws IOException {
		Path file = dir.resolve("seed.yaml");
		Files.writeString(file, yaml);
		before = FileTree.of(dir);
		return file;
	}

	/** A PostgreSQL schema {@code public} with {@code tables}, JSON written with {@code '} for {@code "}. */
	static SchemaSnapshot postgres(String tables) {
		return snapshot("postgres", "public", tables);
	}

	/** A MariaDB database (schema {@code default}) with {@code tables}. */
	static SchemaSnapshot mariadb(String tables) {
		return snapshot("mariadb", "default", tables);
	}

	private static SchemaSnapshot snapshot(String engine, String schema, String tables) {
		String json = "{'format': 1, 'engine': {'name': '" + engine + "'}, 'schemas': {'" + schema + "': {'tables': "
				+ tables + "}}}";
		return new SchemaSnapshot(CanonicalJson.read(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8), "test"));
	}

	/** A column of a snapshot: {@code 'name': {…}}. */
	static String column(String name, int position, String type, boolean nullable) {
		return "'" + name + "': {'position': " + position + ", 'type': '" + type + "', 'nullable': " + nullable + "}";
	}

	/** A table with primary key {@code id} (an integer without default) and {@code columns}. */
	static String table(String name, String... columns) {
		return "'" + name + "': {'columns': {" + column("id", 1, "integer", false)
				+ (columns.length == 0 ? "" : ", " + String.join(", ", columns)) + "}, 'primaryKey': {'columns': ['id']}}";
	}

	/** {@code 'text'} inside a JSON string of these snapshots, whose {@code '} stand for {@code "}. */
	static String quote(String text) {
		return "\\u0027" + text + "\\u0027";
	}

	static String tables(String... tables) {
		return "{" + String.join(", ", tables) + "}";
	}

	// ---- on their own (SeedRules.load) ----

	@Test
	@BadInputEntry("SEED-001")
	void malformedYaml() throws IOException {
		SeedRulesException thrown = loading(HEAD + "tables:\n  orders:\n    rows: 5\n   columns: {}\n");
		assertSays(thrown, "malformed YAML", "seed.yaml:6:", "fix the YAML syntax at that position");
	}

	@Test
	@BadInputEntry("SEED-002")
	void misspeltTopLevelKey() throws IOException {
		SeedRulesException thrown = loading(HEAD + "tabels:\n  orders: {rows: 1, columns: {id: 1}}\n");
		assertSays(thrown, "unknown top-level key \"tabels\"", "seed.yaml:3:", "did you mean \"tables\"");
	}

	@Test
	@BadInputEntry("SEED-003")
	void unknownGenerator() throws IOException {
		SeedRulesException thrown = loading(HEAD + "tables:\n  orders:\n    rows: 5\n    columns:\n"
				+ "      id: {sequense: {start: 1}}\n");
		assertSays(thrown, "unknown generator or setting \"sequense\"", "seed.yaml:7:12: orders.id",
				"did you mean \"sequence\"");
	}

	@Test
	@BadInputEntry("SEED-004")
	void unknownParameter() throws IOException {
		SeedRulesException thrown = loading(HEAD + "tables:\n  orders:\n    rows: 5\n    columns:\n"
				+ "      quantity: {uniform: {min: 1, maks: 5}}\n");
		assertSays(thrown, "unknown parameter \"maks\" of uniform", "orders.quantity", "did you mean \"max\"");
		assertThat(thrown.getMessage()).contains("seed.yaml:7:");
	}

	@Test
	@BadInputEntry("SEED-005")
	void weightsSumToZero() throws IOException {
		SeedRulesException thrown = loading(HEAD + "tables:\n  orders:\n    rows: 5\n    columns:\n"
				+ "      status: {weighted: {paid: 0, shipped: 0}}\n");
		assertSays(thrown, "the weights sum to zero", "seed.yaml:7:", "give at least one value a positive weight");
		assertThat(thrown.getMessage()).contains("orders.status");
	}

	@Test
	@BadInputEntry("SEED-006")
	void nullFractionOutsideZeroToOne() throws IOException {
		SeedRulesException thrown = loading(HEAD + "tables:\n  orders:\n    rows: 5\n    columns:\n"
				+ "      note: {faker: \"#{Lorem.word}\", nullFraction: 30}\n");
		assertSays(thrown, "nullFraction must be a number from 0 to 1, not \"30\"", "orders.note",
				"nullFraction: 0.1 for 10 % nulls");
	}

	@Test
	@BadInputEntry("SEED-007")
	void dateRangeReversed() throws IOException {
		SeedRulesException thrown = loading(HEAD + "tables:\n  orders:\n    rows: 5\n    columns:\n"
				+ "      placed_on: {date: {from: 2024-12-31, to: 2024-01-01}}\n");
		assertSays(thrown, "date from 2024-12-31 is after to 2024-01-01", "orders.placed_on", "swap them");
	}

	@Test
	@BadInputEntry("SEED-008")
	void negativeStandardDeviation() throws IOException {
		SeedRulesException thrown = loading(HEAD + "tables:\n  people:\n    rows: 5\n    columns:\n"
				+ "      height: {normal: {mean: 170, stddev: -8}}\n");
		assertSays(thrown, "stddev must not be negative", "people.height", "write stddev: 10");
	}

	@Test
	@BadInputEntry("SEED-009")
	void zipfExponentNotPositive() throws IOException {
		SeedRulesException thrown = loading(HEAD + "tables:\n  views:\n    rows: 5\n    columns:\n"
				+ "      page: {zipf: {n: 100, s: 0}}\n");
		assertSays(thrown, "zipf needs n >= 1 and s > 0", "views.page", "zipf: {n: 1000, s: 1.1}");
	}

	@Test
	@BadInputEntry("SEED-010")
	void datafakerExpressionThatDoesNotResolve() throws IOException {
		SeedRulesException thrown = loading(HEAD + "tables:\n  customers:\n    rows: 5\n    columns:\n"
				+ "      email: \"#{Internet.emailAdress}\"\n");
		assertSays(thrown, "does not resolve", "customers.email", "check provider and method names");
	}

	@Test
	@BadInputEntry("SEED-011")
	void sinceNotAVersion() throws IOException {
		SeedRulesException thrown = loading(HEAD + "tables:\n  orders:\n    since: next\n    rows: 5\n    columns:\n"
				+ "      id: {sequence: {start: 1}}\n");
		assertSays(thrown, "since must be a migration version", "seed.yaml:5:", "since: 3 or since: 2.1");
	}

	@Test
	@BadInputEntry("SEED-012")
	void referenceToATableWithoutRules() throws IOException {
		SeedRulesException thrown = loading(HEAD + "tables:\n  customers:\n    rows: 5\n    columns:\n"
				+ "      id: {sequence: {start: 1}}\n  orders:\n    rows: 5\n    columns:\n"
				+ "      customer_id: {references: customer.id}\n");
		assertSays(thrown, "references the table \"customer\", which has no rules here", "orders.customer_id",
				"did you mean \"customers\"");
	}

	@Test
	@BadInputEntry("SEED-013")
	void uniqueOnAGeneratorThatRepeats() throws IOException {
		SeedRulesException thrown = loading(HEAD + "tables:\n  orders:\n    rows: 5\n    columns:\n"
				+ "      status: {weighted: {paid: 1, shipped: 1}, unique: true}\n");
		assertSays(thrown, "unique is impossible with a weighted generator", "orders.status",
				"use a sequence, a template with {seq}");
	}

	@Test
	@BadInputEntry("SEED-014")
	void templateWithUnknownPlaceholder() throws IOException {
		SeedRulesException thrown = loading(HEAD + "tables:\n  orders:\n    rows: 5\n    columns:\n"
				+ "      number: \"ORD-{sequence:6}\"\n");
		assertSays(thrown, "unknown placeholder \"{sequence:6}\"", "orders.number", "use {seq}, {seq:6}, {row}");
	}

	@Test
	@BadInputEntry("SEED-015")
	void rowsPerParentOfATableWithoutRules() throws IOException {
		SeedRulesException thrown = loading(HEAD + "tables:\n  orders:\n    rows: {perParent: customers, poisson: 3}\n"
				+ "    columns:\n      id: {sequence: {start: 1}}\n");
		assertSays(thrown, "perParent names \"customers\", which has no rules here", "seed.yaml:5:", "name a table of "
				+ "these rules");
	}

	@Test
	@BadInputEntry("SEED-016")
	void rowsNotAWholeNumber() throws IOException {
		SeedRulesException thrown = loading(HEAD + "tables:\n  orders:\n    rows: 10.5\n    columns:\n"
				+ "      id: {sequence: {start: 1}}\n");
		assertSays(thrown, "rows must be a whole number >= 0, not 10.5", "seed.yaml:5:5: orders", "write rows: 100");
	}

	@Test
	@BadInputEntry("SEED-017")
	void invalidRowLimit() throws IOException {
		SeedRulesException thrown = loading(HEAD + "limits: {rowsPerTable: -1, rowz: 5}\ntables: {}\n");
		assertSays(thrown, "limits.rowsPerTable (the most rows per table) must be a whole number >= 1, not \"-1\"",
				"seed.yaml:3:", "limits: {rowsPerTable: 20000000, rows: 50000000}");
		assertThat(thrown.getMessage()).contains("unknown limit \"rowz\"").contains("did you mean \"rows\"");
	}

	@Test
	@BadInputEntry("SEED-018")
	void versionMissing() throws IOException {
		SeedRulesException thrown = loading("seed: 7\ntables:\n  orders: {rows: 1, columns: {id: 1}}\n");
		assertSays(thrown, "seed rules need \"version\"", "seed.yaml:1:1", "add version: 1 at the top");
	}

	@Test
	@BadInputEntry("SEED-019")
	void misspeltTableSetting() throws IOException {
		SeedRulesException thrown = loading(HEAD + "tables:\n  orders:\n    row: 5\n    columns:\n"
				+ "      id: {sequence: {start: 1}}\n");
		assertSays(thrown, "unknown table setting \"row\"", "seed.yaml:5:5: orders", "did you mean \"rows\"");
	}

	// ---- against the schema (Seeder.check, as Seeder.seed does before writing) ----

	static final SchemaSnapshot SHOP = postgres(tables(
			table("customers", column("email", 2, "character varying(40)", false), column("name", 3, "text", true)),
			table("orders", column("customer_id", 2, "integer", false), column("status", 3, "character varying(12)",
					false), column("quantity", 4, "smallint", false), column("price", 5, "numeric(8,2)", true),
					column("placed_on", 6, "date", true), column("gift", 7, "boolean", true))
					.replace("}, 'primaryKey'", "}, 'checks': {'((status)::text = any ((array[" + quote("paid") + "::character varying, "
							+ quote("shipped") + "::character varying])::text[]))': {}}, 'primaryKey'"),
			"'order_lines': {'columns': {" + column("order_id", 1, "integer", false) + ", " + column("line", 2,
					"integer", false) + ", " + column("size", 3, "text", false) + "}, 'primaryKey': {'columns': "
					+ "['order_id', 'line']}}"));

	static final String CUSTOMERS = "  customers:\n    rows: 10\n    columns:\n      id: {sequence: {start: 1}}\n"
			+ "      email: \"c{seq}@example.org\"\n";

	@Test
	@BadInputEntry("SEED-020")
	void unknownTable() throws IOException {
		SeedRulesException thrown = checking(HEAD + "tables:\n" + CUSTOMERS + "  order:\n    rows: 1\n    columns:\n"
				+ "      id: 1\n", SHOP);
		assertSays(thrown, "there is no table \"order\" in the database", "seed.yaml:9:3: order",
				"did you mean \"orders\"");
	}

	@Test
	@BadInputEntry("SEED-021")
	void unknownColumn() throws IOException {
		SeedRulesException thrown = checking(HEAD + "tables:\n" + CUSTOMERS + "      nmae: \"#{Name.fullName}\"\n",
				SHOP);
		assertSays(thrown, "there is no column \"nmae\" in table \"customers\"", "seed.yaml:9:", "did you mean \"name\"");
	}

	@Test
	@BadInputEntry("SEED-022")
	void notNullColumnWithoutRuleOrDefault() throws IOException {
		SeedRulesException thrown = checking(HEAD + "tables:\n  customers:\n    rows: 10\n    columns:\n"
				+ "      id: {sequence: {start: 1}}\n", SHOP);
		assertSays(thrown, "the column is NOT NULL and has no default, but has no rule", "customers.email",
				"add a rule under tables.customers.columns");
	}

	@Test
	@BadInputEntry("SEED-023")
	void datafakerTextIntoAnIntegerColumn() throws IOException {
		SeedRulesException thrown = checking(HEAD + "tables:\n" + CUSTOMERS + "  orders:\n    rows: 5\n    columns:\n"
				+ "      id: {sequence: {start: 1}}\n      customer_id: {references: customers.id}\n"
				+ "      status: paid\n      quantity: \"#{Lorem.word}\"\n", SHOP);
		assertSays(thrown, "which is not a whole number (smallint on PostgreSQL)", "seed.yaml:15:7: orders.quantity",
				"quantity: {sequence: {start: 1}}");
	}

	@Test
	@BadInputEntry("SEED-024")
	void constantNullIntoANotNullColumn() throws IOException {
		SeedRulesException thrown = checking(HEAD + "tables:\n" + CUSTOMERS + "  orders:\n    rows: 5\n    columns:\n"
				+ "      id: {sequence: {start: 1}}\n      customer_id: {references: customers.id}\n"
				+ "      status: {constant: null}\n      quantity: 1\n", SHOP);
		assertSays(thrown, "the rule gives only NULL, but the column is NOT NULL", "seed.yaml:14:7: orders.status",
				"give it a value, e.g. status:");
	}

	@Test
	@BadInputEntry("SEED-025")
	void oneConstantForAUniqueColumn() throws IOException {
		SeedRulesException thrown = checking(HEAD + "tables:\n  customers:\n    rows: 10\n    columns:\n"
				+ "      id: 1\n      email: \"c{seq}@example.org\"\n", SHOP);
		assertSays(thrown, "the primary key needs 10 different values, but its rule gives at most 1",
				"seed.yaml:7:7: customers.id", "use a sequence (id: {sequence: {start: 1}})");
	}

	@Test
	@BadInputEntry("SEED-026")
	void compositeKeyWithTooFewCombinations() throws IOException {
		SeedRulesException thrown = checking(HEAD + "tables:\n  order_lines:\n    rows: 30\n    columns:\n"
				+ "      order_id: {uniform: {min: 1, max: 5}}\n      line: {weighted: {1: 1, 2: 1, 3: 1}}\n"
				+ "      size: M\n", SHOP);
		assertSays(thrown, "needs 30 different values, but its rules give at most 15 (order_id 5 × line 3)",
				"order_lines.(order_id, line)", "template with {seq}, or seed at most 15 rows");
	}

	@Test
	@BadInputEntry("SEED-027")
	void textLongerThanTheColumn() throws IOException {
		SeedRulesException thrown = checking(HEAD + "tables:\n  customers:\n    rows: 10\n    columns:\n"
				+ "      id: {sequence: {start: 1}}\n      email: \"customer-number-{seq:6}@an-example-domain.org\"\n",
				SHOP);
		assertSays(thrown, "values up to 44 characters do not fit character varying(40)", "customers.email",
				"shorten the generator's values to 40 characters");
	}

	@Test
	@BadInputEntry("SEED-028")
	void numbersOutsideTheColumnsRange() throws IOException {
		SeedRulesException thrown = checking(HEAD + "tables:\n" + CUSTOMERS + "  orders:\n    rows: 5\n    columns:\n"
				+ "      id: {sequence: {start: 1}}\n      customer_id: {references: customers.id}\n"
				+ "      status: paid\n      quantity: {uniform: {min: 1, max: 100000}}\n", SHOP);
		assertSays(thrown, "values from 1 to 100000 do not fit smallint (-32768 to 32767)", "orders.quantity",
				"keep the generator's bounds within the column's range");
	}

	@Test
	@BadInputEntry("SEED-029")
	void moreDecimalsThanTheColumnKeeps() throws IOException {
		SeedRulesException thrown = checking(HEAD + "tables:\n" + CUSTOMERS + "  orders:\n    rows: 5\n    columns:\n"
				+ "      id: {sequence: {start: 1}}\n      customer_id: {references: customers.id}\n"
				+ "      status: paid\n      quantity: 1\n      price: {uniform: {min: 1, max: 99, scale: 3}}\n", SHOP);
		assertSays(thrown, "values with 3 decimals do not fit numeric(8,2), which keeps 2", "orders.price",
				"write scale: 2 in the rule");
	}

	@Test
	@BadInputEntry("SEED-030")
	void decimalsIntoAnIntegerColumn() throws IOException {
		SeedRulesException thrown = checking(HEAD + "tables:\n" + CUSTOMERS + "  orders:\n    rows: 5\n    columns:\n"
				+ "      id: {sequence: {start: 1}}\n      customer_id: {references: customers.id}\n"
				+ "      status: paid\n      quantity: {uniform: {min: 0.5, max: 9.5, scale: 1}}\n", SHOP);
		assertSays(thrown, "decimal numbers cannot be loaded into a column of type smallint on PostgreSQL",
				"orders.quantity", "use a generator of whole values");
	}

	@Test
	@BadInputEntry("SEED-031")
	void textThatIsNotABoolean() throws IOException {
		SeedRulesException thrown = checking(HEAD + "tables:\n" + CUSTOMERS + "  orders:\n    rows: 5\n    columns:\n"
				+ "      id: {sequence: {start: 1}}\n      customer_id: {references: customers.id}\n"
				+ "      status: paid\n      quantity: 1\n      gift: {weighted: {yes: 1, maybe: 1}}\n", SHOP);
		assertSays(thrown, "values such as \"maybe\", which is not a boolean", "orders.gift",
				"gift: {weighted: {true: 1, false: 1}}");
	}

	@Test
	@BadInputEntry("SEED-032")
	void valueThatBreaksACheckConstraint() throws IOException {
		SeedRulesException thrown = checking(HEAD + "tables:\n" + CUSTOMERS + "  orders:\n    rows: 5\n    columns:\n"
				+ "      id: {sequence: {start: 1}}\n      customer_id: {references: customers.id}\n"
				+ "      status: {weighted: {paid: 5, refunded: 1}}\n      quantity: 1\n", SHOP);
		assertSays(thrown, "the value \"refunded\" can be generated but breaks the check", "orders.status",
				"choose only among [paid, shipped]");
	}

	@Test
	@BadInputEntry("SEED-033")
	void randomReferenceIntoAUniqueColumn() throws IOException {
		SchemaSnapshot schema = postgres(tables(table("customers"), table("accounts", column("customer_id", 2,
				"integer", false)).replace("'primaryKey'", "'uniqueConstraints': {'(customer_id)': {'columns': "
						+ "['customer_id']}}, 'primaryKey'")));
		SeedRulesException thrown = checking(HEAD + "tables:\n  customers:\n    rows: 10\n    columns:\n"
				+ "      id: {sequence: {start: 1}}\n  accounts:\n    rows: 10\n    columns:\n"
				+ "      id: {sequence: {start: 1}}\n      customer_id: {references: customers.id}\n", schema);
		assertSays(thrown, "the reference picks customers rows at random, so some are picked twice",
				"seed.yaml:12:7: accounts.customer_id", "{references: customers.id, unique: true}");
	}

	@Test
	@BadInputEntry("SEED-034")
	void datesOutsideAMariaDbTimestamp() throws IOException {
		SchemaSnapshot schema = mariadb(tables(table("events", column("happened", 2, "timestamp", false))));
		SeedRulesException thrown = checking(HEAD + "tables:\n  events:\n    rows: 10\n    columns:\n"
				+ "      id: {sequence: {start: 1}}\n      happened: {timestamp: {from: \"1960-01-01 00:00:00\", "
				+ "to: \"2030-12-31 23:59:59\"}}\n", schema);
		assertSays(thrown, "dates from 1960-01-01 to 2030-12-31 do not fit timestamp", "events.happened",
				"keep from: and to: between 1970-01-01 and 2038-01-19, or use a datetime column");
	}

	@Test
	@BadInputEntry("SEED-035")
	void valueThatIsNotAnEnumLabel() throws IOException {
		SchemaSnapshot schema = mariadb(tables(table("tickets", column("priority", 2, "enum(" + quote("low") + "," + quote("high") + ")", false))));
		SeedRulesException thrown = checking(HEAD + "tables:\n  tickets:\n    rows: 10\n    columns:\n"
				+ "      id: {sequence: {start: 1}}\n      priority: {weighted: {low: 3, urgent: 1}}\n", schema);
		assertSays(thrown, "\"urgent\", which is not one of the labels [low, high]", "tickets.priority",
				"choose among the labels, e.g. {weighted: {low: 1, high: 1}}");
	}

	@Test
	@BadInputEntry("SEED-036")
	void referenceToAColumnTheParentDoesNotHave() throws IOException {
		SeedRulesException thrown = loading(HEAD + "tables:\n" + CUSTOMERS + "  orders:\n    rows: 5\n    columns:\n"
				+ "      id: {sequence: {start: 1}}\n      customer_id: {references: customers.idd}\n"
				+ "      status: paid\n      quantity: 1\n");
		assertSays(thrown, "customers has no rule for column \"idd\"", "seed.yaml:13:21: orders.customer_id",
				"did you mean \"id\"? reference a column of customers with a rule [id, email]");
	}

	@Test
	@BadInputEntry("SEED-037")
	void cycleOfNotNullReferences() throws IOException {
		SchemaSnapshot schema = postgres(tables(table("a", column("b_id", 2, "integer", false)),
				table("b", column("a_id", 2, "integer", false))));
		SeedRulesException thrown = checking(HEAD + "tables:\n  a:\n    rows: 2\n    columns:\n"
				+ "      id: {sequence: {start: 1}}\n      b_id: {references: b.id}\n  b:\n    rows: 2\n    columns:\n"
				+ "      id: {sequence: {start: 1}}\n      a_id: {references: a.id}\n", schema);
		assertSays(thrown, "reference each other through NOT NULL columns only, so no load order exists",
				"seed.yaml:7:7: a", "make one foreign key column in the cycle nullable");
	}

	@Test
	@BadInputEntry("SEED-038")
	void unknownProfile() throws IOException {
		SeedRulesException thrown = checking(HEAD + "profiles: {small: 0.1}\ntables:\n" + CUSTOMERS, SHOP,
				options().withProfile("smal"));
		assertSays(thrown, "there is no profile \"smal\"", "seed.yaml:1:1", "did you mean \"small\"");
	}

	@Test
	@BadInputEntry("SEED-039")
	void datafakerTextLongerThanTheColumn() throws IOException {
		SeedRulesException thrown = checking(HEAD + "tables:\n" + CUSTOMERS + "  orders:\n    rows: 5\n    columns:\n"
				+ "      id: {sequence: {start: 1}}\n      customer_id: {references: customers.id}\n"
				+ "      status: \"#{Lorem.sentence}\"\n      quantity: 1\n", SHOP);
		assertSays(thrown, "characters), which do not fit character varying(12)", "seed.yaml:14:7: orders.status",
				"generate shorter values (e.g. \"#{Lorem.word}\" instead of a sentence), or widen the column");
	}

	@Test
	@BadInputEntry("SEED-043")
	void sinceBeforeTheMigrationThatCreatesTheTable() throws IOException {
		SeedRules rules = SeedRules.load(write(HEAD + "tables:\n" + CUSTOMERS + "  refunds:\n    since: 2\n    rows: 1\n"
				+ "    columns:\n      id: {sequence: {start: 1}}\n"));
		SeedRulesException thrown = catchThrowableOfType(SeedRulesException.class, () -> rules.at("2", SHOP));
		assertThat(FileTree.of(dir)).isEqualTo(before);
		assertSays(thrown, "the rule says since: 2, so the table should exist at version 2, but there is no table "
				+ "\"refunds\"", "seed.yaml:10:5: refunds", "set since: to the version of the migration that creates "
						+ "refunds, or add that migration if it is missing");
	}

	// ---- row limits ----

	@Test
	@BadInputEntry("SEED-040")
	void rowsFarAboveTheLimit() throws IOException {
		SeedRulesException thrown = checking(HEAD + "tables:\n  customers:\n    rows: 99999999999999\n    columns:\n"
				+ "      id: {sequence: {start: 1}}\n      email: \"c{seq}@example.org\"\n", SHOP);
		assertSays(thrown, "about 99,999,999,999,999 rows (rows: 99,999,999,999,999) are above the limit of 5,000,000 "
				+ "rows per table", "seed.yaml:5:5: customers", "limits: {rowsPerTable: 99999999999999}");
		assertThat(thrown.getMessage()).contains("about 15 years").contains("dbparity.seed.max-rows=99999999999999");
	}

	@Test
	@BadInputEntry("SEED-041")
	void rowsPerParentMultipliedAboveTheLimit() throws IOException {
		SeedRulesException thrown = checking(HEAD + "tables:\n  customers:\n    rows: 2000000\n    columns:\n"
				+ "      id: {sequence: {start: 1}}\n      email: \"c{seq}@example.org\"\n  orders:\n"
				+ "    rows: {perParent: customers, poisson: 4}\n    columns:\n      id: {sequence: {start: 1}}\n"
				+ "      customer_id: {references: customers.id}\n      status: paid\n      quantity: 1\n", SHOP);
		assertSays(thrown, "about 8,000,000 rows (2,000,000 rows of customers × 4 per parent, the poisson mean; "
				+ "customers: rows: 2,000,000) are above the limit of 5,000,000 rows per table", "seed.yaml:10:5: orders",
				"limits: {rowsPerTable: 8000000}");
	}

	@Test
	@BadInputEntry("SEED-042")
	void totalRowsAboveTheLimit() throws IOException {
		SeedRulesException thrown = checking(HEAD + "profiles: {large: 20}\ntables:\n  customers:\n    rows: 200000\n"
				+ "    columns:\n      id: {sequence: {start: 1}}\n      email: \"c{seq}@example.org\"\n  orders:\n"
				+ "    rows: 400000\n    columns:\n      id: {sequence: {start: 1}}\n"
				+ "      customer_id: {references: customers.id}\n      status: paid\n      quantity: 1\n", SHOP,
				options().withProfile("large").withRowLimits(new RowLimits(10_000_000, 10_000_000)));
		assertSays(thrown, "the tables together get about 12,000,000 rows (customers 4,000,000 + orders 8,000,000), "
				+ "above the limit of 10,000,000 rows in total", "seed.yaml:4:1", "limits: {rows: 12000000}");
	}
}
