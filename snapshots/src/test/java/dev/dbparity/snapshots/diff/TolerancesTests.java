package dev.dbparity.snapshots.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TolerancesTests {

	private static IgnoreRules read(String yaml) {
		return Tolerances.read(yaml.getBytes(StandardCharsets.UTF_8), "parity/tolerances.yaml");
	}

	@Test
	void addsTheIgnoreGlobsToTheDefaults() {
		IgnoreRules rules = read("""
				schema:
				  ignore:
				    - "public.audit_*"
				    - "**.comment"
				statistics:
				  rowCounts: { tolerance: 0.1 }
				""");

		assertThat(rules).isEqualTo(IgnoreRules.defaults().withGlobs("public.audit_*", "**.comment"));
	}

	@Test
	void anEmptyFileOrSectionIsTheDefaults() {
		assertThat(read("")).isEqualTo(IgnoreRules.defaults());
		assertThat(read("schema:\n")).isEqualTo(IgnoreRules.defaults());
		assertThat(read("schema:\n  ignore:\n")).isEqualTo(IgnoreRules.defaults());
	}

	@Test
	void aMissingFileIsTheDefaults(@TempDir Path directory) {
		assertThat(Tolerances.load(directory.resolve(Tolerances.DEFAULT_FILE))).isEqualTo(IgnoreRules.defaults());
	}

	@Test
	void loadsAFile(@TempDir Path directory) throws IOException {
		Path file = directory.resolve("tolerances.yaml");
		Files.writeString(file, "schema:\n  ignore: [settings.timezone]\n");

		assertThat(Tolerances.load(file).globs()).containsExactly("**.owner", "settings.timezone");
	}

	@Test
	void anUnknownKeyUnderSchemaIsAnErrorWithLineAndColumn() {
		assertThatExceptionOfType(InvalidTolerancesException.class).isThrownBy(() -> read("""
				schema:
				  ignore: []
				  ignor: ["**.comment"]
				"""))
			.withMessageStartingWith("parity/tolerances.yaml:3:3: unknown key \"ignor\" under schema:; allowed keys: "
					+ "ignore. Fix: write \"ignore\" instead of \"ignor\", or remove the key. For example:\n  schema:\n"
					+ "    ignore:\n");
	}

	@Test
	void anInvalidGlobIsAnErrorWithLineAndColumn() {
		assertThatExceptionOfType(InvalidTolerancesException.class).isThrownBy(() -> read("""
				schema:
				  ignore:
				    - "**.comment"
				    - "public.audit log"
				"""))
			.withMessageStartingWith("parity/tolerances.yaml:4:7: Invalid glob \"public.audit log\": a glob may not "
					+ "contain whitespace")
			.withCauseInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void ignoreMustBeAListOfStrings() {
		assertThatExceptionOfType(InvalidTolerancesException.class)
			.isThrownBy(() -> read("schema:\n  ignore: \"**.comment\"\n"))
			.withMessageStartingWith("parity/tolerances.yaml:2:11: schema.ignore must be a list of globs, but was "
					+ "\"**.comment\". Fix: write it as in this example:");
		assertThatExceptionOfType(InvalidTolerancesException.class)
			.isThrownBy(() -> read("schema:\n  ignore:\n    - { path: x }\n"))
			.withMessageStartingWith("parity/tolerances.yaml:3:7: each schema.ignore entry must be a glob string, "
					+ "but was a mapping.");
	}

	@Test
	void theDocumentAndSchemaMustBeMappings() {
		assertThatExceptionOfType(InvalidTolerancesException.class).isThrownBy(() -> read("- schema\n"))
			.withMessageStartingWith("parity/tolerances.yaml:1:1: the document must be a mapping with a schema: key, "
					+ "but was a list.");
		assertThatExceptionOfType(InvalidTolerancesException.class).isThrownBy(() -> read("schema: [x]\n"))
			.withMessageStartingWith("parity/tolerances.yaml:1:9: schema: must be a mapping with an ignore: key");
	}

	@Test
	void invalidYamlAndRepeatedKeysAreErrorsWithLineAndColumn() {
		assertThatExceptionOfType(InvalidTolerancesException.class)
			.isThrownBy(() -> read("schema:\n  ignore: [\"a\"\n"))
			.withMessageStartingWith("parity/tolerances.yaml:2:11: not valid YAML (while parsing a flow sequence")
			.withMessageContaining("Fix: close the quote or bracket opened on line 2")
			.withMessageContaining("For example:")
			.withCauseInstanceOf(JsonProcessingException.class);
		assertThatExceptionOfType(InvalidTolerancesException.class)
			.isThrownBy(() -> read("schema:\n  ignore: []\nschema:\n  ignore: []\n"))
			.withMessageStartingWith("parity/tolerances.yaml:3:")
			.withMessageContaining("Duplicate field 'schema'")
			.withMessageContaining("Fix: a key may appear only once in a mapping");
	}
}
