package dev.dbparity.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dbparity.seeding.SeedRules;

/**
 * The seed rules' identity remembered in the template cache: a warm start reads it instead of parsing the rules, and
 * it never outlives the bytes it was taken from (the rules' own and their fixture files').
 */
class SeedIdentitiesTests {

	static final String RULES = """
			version: 1
			seed: 7
			profiles: {small: 0.5}
			tables:
			  customers:
			    rows: 2
			    columns:
			      id: {sequence: {start: 1}}
			fixtures:
			  - table: vips
			    file: vips.csv
			    columns:
			      email: {mask: email}
			""";

	@TempDir
	Path dir;

	@Test
	void aRememberedIdentityIsTheOneReadFromTheRules() throws IOException {
		Path rules = rules(RULES);
		Path memo = dir.resolve("memo");

		SeedRules.Identity first = SeedIdentities.identify(rules, Optional.of(memo)).orElseThrow();
		SeedRules.Identity second = SeedIdentities.identify(rules, Optional.of(memo)).orElseThrow();

		assertThat(first).isEqualTo(SeedRules.identify(rules).orElseThrow());
		assertThat(second).isEqualTo(first);
		assertThat(second.hash()).isEqualTo(SeedRules.load(rules).hash());
		assertThat(files(memo)).hasSize(1);
	}

	@Test
	void theRememberedIdentityIsUsedWithoutReadingTheRulesAgain() throws IOException {
		Path rules = rules(RULES);
		Path memo = dir.resolve("memo");
		SeedIdentities.identify(rules, Optional.of(memo));
		Path remembered = files(memo).get(0);
		// A planted hash comes back only if the memo is read instead of the rules being parsed.
		Files.writeString(remembered, Files.readString(remembered).replaceFirst("hash=sha256\\\\:[0-9a-f]+",
				"hash=sha256\\\\:planted"));

		assertThat(SeedIdentities.identify(rules, Optional.of(memo)).orElseThrow().hash()).isEqualTo("sha256:planted");
	}

	@Test
	void rulesOrAFixtureFileChangedByOneByteAreIdentifiedAnew() throws IOException {
		Path rules = rules(RULES);
		Path memo = dir.resolve("memo");
		String before = SeedIdentities.identify(rules, Optional.of(memo)).orElseThrow().hash();

		Files.writeString(dir.resolve("vips.csv"), "id,email\n1,ada@bank.cH\n");
		String fixtureChanged = SeedIdentities.identify(rules, Optional.of(memo)).orElseThrow().hash();
		Files.writeString(rules, RULES.replace("seed: 7", "seed: 8"));
		String rulesChanged = SeedIdentities.identify(rules, Optional.of(memo)).orElseThrow().hash();

		// Compared with a load of the same bytes elsewhere, which no memo has seen.
		assertThat(fixtureChanged).isNotEqualTo(before).isEqualTo(hashWith(RULES));
		assertThat(rulesChanged).isNotEqualTo(fixtureChanged).isEqualTo(SeedRules.load(rules).hash());
	}

	@Test
	void aMemoThatCannotBeWrittenCostsNothingButTheMemo() throws IOException {
		Path rules = rules(RULES);
		Path notADirectory = Files.writeString(dir.resolve("memo"), "a file where the memo directory should be");

		assertThat(SeedIdentities.identify(rules, Optional.of(notADirectory)).orElseThrow().hash())
			.isEqualTo(SeedRules.load(rules).hash());
	}

	@Test
	void rulesThatCannotBeIdentifiedAreNotRememberedAndLeftToTheLoad() throws IOException {
		Path memo = dir.resolve("memo");

		assertThat(SeedIdentities.identify(rules("version: 1\nseed: [1\n"), Optional.of(memo))).isEmpty();
		assertThat(memo).doesNotExist();
	}

	private String hashWith(String yaml) throws IOException {
		Path other = Files.createDirectories(dir.resolve("copy"));
		Files.copy(dir.resolve("vips.csv"), other.resolve("vips.csv"));
		return SeedRules.load(Files.writeString(other.resolve("seed.yaml"), yaml)).hash();
	}

	private Path rules(String yaml) throws IOException {
		if (!Files.exists(dir.resolve("vips.csv"))) {
			Files.writeString(dir.resolve("vips.csv"), "id,email\n1,ada@bank.ch\n");
		}
		return Files.writeString(dir.resolve("seed.yaml"), yaml);
	}

	private static java.util.List<Path> files(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.toList();
		}
	}
}
