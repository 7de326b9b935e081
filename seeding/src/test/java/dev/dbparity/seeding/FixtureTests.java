package dev.dbparity.seeding;

import static dev.dbparity.seeding.internal.SeedTesting.plan;
import static dev.dbparity.seeding.internal.SeedTesting.rules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dbparity.seeding.internal.FixturePlan;

class FixtureTests {

	@TempDir
	Path dir;

	static final String RULES = """
			version: 1
			seed: 1
			tables:
			  customers:
			    rows: 1
			    columns:
			      id: {sequence: {start: 100}}
			fixtures:
			  - table: customers
			    file: customers.csv
			    columns:
			      email: {mask: email, keepDomain: true}
			      full_name: name
			""";

	List<String> problems(String yaml) {
		return catchThrowableOfType(SeedRulesException.class, () -> rules(yaml, dir)).problems().stream()
			.map(SeedProblem::toString).toList();
	}

	@Test
	@DisplayName("CSV rows are read with quotes, NULLs and empty text")
	void csv() throws IOException {
		Files.writeString(dir.resolve("customers.csv"), "id,email,full_name\n1,ada@bank.ch,\"Lovelace, Ada\"\n2,,\"\"\n");
		FixturePlan fixture = plan(rules(RULES, dir)).fixtures().get(0);
		assertThat(fixture.columns()).containsExactly("id", "email", "full_name");
		assertThat(fixture.rows()).containsExactly(
				List.of(Optional.of("1"), Optional.of("ada@bank.ch"), Optional.of("Lovelace, Ada")),
				List.of(Optional.of("2"), Optional.empty(), Optional.of("")));
	}

	@Test
	@DisplayName("a CSV file that is not UTF-8 is an error at its line, column and byte offset, and a seed rules file too")
	void notUtf8() throws IOException {
		// "Zoë" saved as Latin-1 would otherwise be loaded as "Zo\uFFFD".
		byte[] head = "id,email,full_name\n1,a@b.c,Zo".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		byte[] latin1 = java.util.Arrays.copyOf(head, head.length + 2);
		latin1[head.length] = (byte) 0xEB;
		latin1[head.length + 1] = '\n';
		Files.write(dir.resolve("customers.csv"), latin1);
		assertThat(problems(RULES)).containsExactly("customers.csv:2:11: customers: the fixture file has invalid UTF-8 at "
				+ "byte offset 29 (0xEB): dbparity reads files as UTF-8, and this one was probably saved in another "
				+ "encoding (such as Latin-1 or Windows-1252). Fix: re-save the file as UTF-8 (e.g. iconv -f "
				+ "WINDOWS-1252 -t UTF-8), and check the text at that position");
		byte[] rules = RULES.replace("full_name: name", "full_name: name # Zo\u00eb").getBytes(
				java.nio.charset.StandardCharsets.ISO_8859_1);
		assertThat(catchThrowableOfType(SeedRulesException.class, () -> SeedRules.parse(rules, "seed.yaml", dir))
			.problems()).map(SeedProblem::toString).containsExactly("seed.yaml:13:27: invalid UTF-8 at byte offset 239 "
					+ "(0xEB): dbparity reads files as UTF-8, and this one was probably saved in another encoding (such "
					+ "as Latin-1 or Windows-1252). Fix: re-save the file as UTF-8 (e.g. iconv -f WINDOWS-1252 -t UTF-8), "
					+ "and check the text at that position");
	}

	@Test
	@DisplayName("JSON rows are read from an array of objects")
	void json() throws IOException {
		Files.writeString(dir.resolve("customers.json"), "[{\"id\": 1, \"email\": \"a@b.c\", \"full_name\": null}]");
		FixturePlan fixture = plan(rules(RULES.replace("customers.csv", "customers.json"), dir)).fixtures().get(0);
		assertThat(fixture.rows()).containsExactly(List.of(Optional.of("1"), Optional.of("a@b.c"), Optional.empty()));
	}

	@Test
	@DisplayName("a row with the wrong number of fields and an unmasked sensitive column are errors naming the file")
	void wrong() throws IOException {
		Files.writeString(dir.resolve("customers.csv"), "id,email,full_name,phone\n1,a@b.c,Ada,1\n2,b@c.d\n");
		assertThat(problems(RULES)).containsExactly(
				"customers.csv:3:1: row 2 has 2 fields, but the header has 4. Fix: give every row the header's 4 fields "
						+ "[id, email, full_name, phone]; put a value that holds a comma in double quotes, \"like, this\"",
				"seed.yaml:10:5: customers.phone: the fixture column looks sensitive but has no masking rule. Fix: add "
						+ "columns: {phone: {mask: phone}}, or {mask: none} if it holds no personal data");
		assertThat(problems(RULES.replace("full_name: name", "full_name: name\n      phone: scramble"))).containsExactly(
				"seed.yaml:14:7: customers.phone: unknown mask \"scramble\". Fix: use one of [email, name, phone, "
						+ "redact, dateShift, noise, hash, null, none]",
				"customers.csv:3:1: row 2 has 2 fields, but the header has 4. Fix: give every row the header's 4 fields "
						+ "[id, email, full_name, phone]; put a value that holds a comma in double quotes, \"like, this\"");
	}

	@Test
	@DisplayName("the rules' hash covers the fixture files")
	void hashCoversFixtures() throws IOException {
		Files.writeString(dir.resolve("customers.csv"), "id,email,full_name\n1,a@b.c,Ada\n");
		String before = rules(RULES, dir).hash();
		Files.writeString(dir.resolve("customers.csv"), "id,email,full_name\n1,a@b.c,Bea\n");
		assertThat(rules(RULES, dir).hash()).isNotEqualTo(before);
	}
}
