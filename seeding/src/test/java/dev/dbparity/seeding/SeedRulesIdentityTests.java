package dev.dbparity.seeding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SeedRules#identify} keys a cached template without compiling the rules: it must give exactly the hash a full
 * load gives (else a warm run would never find the template a cold run kept), and leave every error to the load.
 */
class SeedRulesIdentityTests {

	@TempDir
	Path dir;

	static final String RULES = """
			version: 1
			seed: 7
			profiles: {small: 0.5, large: 3}
			tables:
			  customers:
			    rows: 2
			    columns:
			      id: {sequence: {start: 1}}
			      name: {faker: "#{Name.fullName}"}
			fixtures:
			  - table: vips
			    file: vips.csv
			    columns:
			      email: {mask: email}
			""";

	@Test
	void theIdentityHasTheHashTheSourceAndTheProfilesOfAFullLoad() throws IOException {
		Path file = rules(RULES);

		SeedRules loaded = SeedRules.load(file);
		SeedRules.Identity identity = SeedRules.identify(file).orElseThrow();

		assertThat(identity.hash()).isEqualTo(loaded.hash());
		assertThat(identity.source()).isEqualTo(loaded.source()).isEqualTo("seed.yaml");
		assertThat(identity.profiles()).containsExactlyInAnyOrderElementsOf(loaded.profiles().keySet());
	}

	@Test
	void aFixtureFileChangedByOneByteChangesTheIdentityAsItChangesTheHash() throws IOException {
		Path file = rules(RULES);
		String before = SeedRules.identify(file).orElseThrow().hash();

		Files.writeString(dir.resolve("vips.csv"), "id,email\n1,ada@bank.cH\n");

		assertThat(SeedRules.identify(file).orElseThrow().hash()).isNotEqualTo(before)
			.isEqualTo(SeedRules.load(file).hash());
	}

	@Test
	void rulesThatDoNotCompileAreIdentifiedAndOnlyTheLoadRefusesThem() throws IOException {
		// An unknown generator is found by compiling, which identifying does not do.
		Path file = rules(RULES.replace("{faker: \"#{Name.fullName}\"}", "{fakir: \"#{Name.fullName}\"}"));

		assertThat(SeedRules.identify(file)).isPresent();
		assertThatThrownBy(() -> SeedRules.load(file)).isInstanceOf(SeedRulesException.class).hasMessageContaining(
				"fakir");
	}

	@Test
	void malformedYamlAMissingFixtureFileAndProfilesThatAreNoMapAreLeftToTheLoad() throws IOException {
		assertThat(SeedRules.identify(rules("version: 1\nseed: [1\n"))).isEmpty();
		assertThat(SeedRules.identify(rules(RULES.replace("vips.csv", "missing.csv")))).isEmpty();
		assertThat(SeedRules.identify(rules(RULES.replace("{small: 0.5, large: 3}", "[small]")))).isEmpty();
		assertThat(SeedRules.identify(dir.resolve("absent.yaml"))).isEmpty();
	}

	private Path rules(String yaml) throws IOException {
		Files.writeString(dir.resolve("vips.csv"), "id,email\n1,ada@bank.ch\n");
		return Files.writeString(dir.resolve("seed.yaml"), yaml);
	}
}
