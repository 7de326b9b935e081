package dev.dbparity.seeding;

import static dev.dbparity.badinput.BadInputMessage.assertRevealsNone;
import static dev.dbparity.badinput.BadInputMessage.assertSays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dbparity.badinput.BadInputEntry;
import dev.dbparity.badinput.FileTree;
import dev.dbparity.seeding.mask.MaskingKey;
import dev.dbparity.snapshots.SchemaSnapshot;

/**
 * The fixtures part of the bad-input catalogue ({@code seeding/BAD-INPUTS.md}, "Fixtures"): rules with a
 * {@code fixtures:} entry and its file beside them, read with {@link SeedRules#load} and, when they parse, checked with
 * {@link Seeder#check} in lock mode UPDATE; nothing in the directory may change, and no raw fixture value may be shown.
 */
class FixturesBadInputTests {

	static final String RULES = "version: 1\nseed: 7\ntables:\n  customers:\n    rows: 2\n    columns:\n"
			+ "      id: {sequence: {start: 1}}\n      email: \"c{seq}@example.org\"\nfixtures:\n  - table: customers\n"
			+ "    file: customers.csv\n";

	static final SchemaSnapshot SCHEMA = SeedRulesBadInputTests.postgres(SeedRulesBadInputTests.tables(
			SeedRulesBadInputTests.table("customers", SeedRulesBadInputTests.column("email", 2, "text", false),
					SeedRulesBadInputTests.column("name", 3, "text", true))));

	@TempDir
	Path dir;

	private FileTree before;

	@BeforeEach
	void lockFile() throws IOException {
		Files.writeString(dir.resolve("seed.lock.json"), "{\"format\": 1, \"profiles\": {}}\n");
	}

	SeedRulesException loading(String rules, String csv) throws IOException {
		Path file = write(rules, csv);
		SeedRulesException thrown = catchThrowableOfType(SeedRulesException.class, () -> SeedRules.load(file));
		assertThat(FileTree.of(dir)).isEqualTo(before);
		return thrown;
	}

	SeedRulesException checking(String rules, String csv) throws IOException {
		SeedRules parsed = SeedRules.load(write(rules, csv));
		SeedOptions options = SeedOptions.defaults().withMaskingKey(MaskingKey.of("catalogue key"))
			.withLock(LockMode.UPDATE, dir.resolve("seed.lock.json"));
		SeedRulesException thrown = catchThrowableOfType(SeedRulesException.class,
				() -> Seeder.check(parsed, SCHEMA, options));
		assertThat(FileTree.of(dir)).isEqualTo(before);
		return thrown;
	}

	private Path write(String rules, String csv) throws IOException {
		if (csv != null) {
			Files.writeString(dir.resolve("customers.csv"), csv);
		}
		Path file = dir.resolve("seed.yaml");
		Files.writeString(file, rules);
		before = FileTree.of(dir);
		return file;
	}

	@Test
	@BadInputEntry("SEED-045")
	void fixtureFileMissing() throws IOException {
		SeedRulesException thrown = loading(RULES, null);
		assertSays(thrown, "the fixture file customers.csv does not exist", "seed.yaml:11:5: customers",
				"check the path, which is resolved against the rules' directory");
	}

	@Test
	@BadInputEntry("SEED-046")
	void csvRowWithTheWrongNumberOfFields() throws IOException {
		SeedRulesException thrown = loading(RULES + "    columns: {id: none, email: {mask: email}}\n",
				"id,email\n9001,ada@example.com\n9002,grace,hopper@example.com\n");
		assertSays(thrown, "row 2 has 3 fields, but the header has 2", "customers.csv:3:1",
				"put a value that holds a comma in double quotes");
		assertRevealsNone(thrown.getMessage(), "ada@example.com", "hopper@example.com");
	}

	@Test
	@BadInputEntry("SEED-047")
	void personalColumnWithoutAMask() throws IOException {
		SeedRulesException thrown = loading(RULES + "    columns: {id: none}\n", "id,email\n9001,ada@example.com\n");
		assertSays(thrown, "the fixture column looks sensitive but has no masking rule", "customers.email",
				"add columns: {email: {mask: email}}");
		assertRevealsNone(thrown.getMessage(), "ada@example.com");
	}

	@Test
	@BadInputEntry("SEED-048")
	void unknownMask() throws IOException {
		SeedRulesException thrown = loading(RULES + "    columns: {id: none, email: {mask: emial}}\n",
				"id,email\n9001,ada@example.com\n");
		assertSays(thrown, "unknown mask \"emial\"", "customers.email", "did you mean \"email\"");
	}

	@Test
	@BadInputEntry("SEED-049")
	void fixtureHeaderNamesAnUnknownColumn() throws IOException {
		SeedRulesException thrown = checking(RULES + "    columns: {id: none, email: {mask: email}, nmae: name}\n",
				"id,email,nmae\n9001,ada@example.com,Ada\n");
		assertSays(thrown, "the fixture file customers.csv has a column the table does not have", "customers.nmae",
				"did you mean \"name\"? rename it in the file's header");
		assertRevealsNone(thrown.getMessage(), "ada@example.com", "Ada");
	}

	@Test
	@BadInputEntry("SEED-050")
	void maskForAColumnTheFileDoesNotHave() throws IOException {
		SeedRulesException thrown = loading(RULES + "    columns: {id: none, email: {mask: email}, phnoe: phone}\n",
				"id,email,phone\n9001,ada@example.com,+1 202 555 0147\n");
		assertSays(thrown, "a mask is given for a column that the fixture file does not have", "customers.phnoe",
				"did you mean \"phone\"");
	}
}
