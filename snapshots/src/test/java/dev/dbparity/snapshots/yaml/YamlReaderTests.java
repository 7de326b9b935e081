package dev.dbparity.snapshots.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.junit.jupiter.api.Test;

import dev.dbparity.snapshots.encoding.InvalidUtf8Exception;

class YamlReaderTests {

	private static YamlNode read(String yaml) {
		return YamlReader.read(yaml.getBytes(StandardCharsets.UTF_8), "f.yaml");
	}

	@Test
	void aValueInAMappingIsNamedWhereItsKeyIsAndStartsWhereItIsWritten() {
		YamlNode document = read("""
				statistics:
				  overrides:
				    orders.status:   0.3
				  ignore: [a, {x: 1}]
				""");

		YamlNode statistics = document.get("statistics").orElseThrow();
		assertThat(statistics.where()).isEqualTo("f.yaml:1:1");
		assertThat(statistics.valueWhere()).isEqualTo("f.yaml:2:3");
		YamlNode bound = statistics.get("overrides").orElseThrow().get("orders.status").orElseThrow();
		assertThat(bound.where()).isEqualTo("f.yaml:3:5");
		assertThat(bound.valueWhere()).isEqualTo("f.yaml:3:22");
		assertThat(bound.number()).contains(new BigDecimal("0.3"));
		YamlNode ignore = statistics.get("ignore").orElseThrow();
		assertThat(ignore.isList()).isTrue();
		assertThat(ignore.where()).isEqualTo("f.yaml:4:3");
		assertThat(ignore.valueWhere()).isEqualTo("f.yaml:4:11");
		assertThat(ignore.list()).extracting(YamlNode::valueWhere).containsExactly("f.yaml:4:12", "f.yaml:4:15");
		assertThat(ignore.list().get(0).where()).isEqualTo("f.yaml:4:12");
		assertThat(ignore.list().get(1).get("x").orElseThrow().where()).isEqualTo("f.yaml:4:16");
	}

	@Test
	void scalarsKeepTheirKindAndNothingAfterAKeyIsAbsent() {
		YamlNode document = read("a:\nb: ~\nc: text\nd: 1_2\ne: true\n");

		assertThat(document.map().keySet()).containsExactly("a", "b", "c", "d", "e");
		assertThat(document.get("a").orElseThrow().isAbsent()).isTrue();
		assertThat(document.get("b").orElseThrow().isAbsent()).isTrue();
		assertThat(document.get("c").orElseThrow().describe()).isEqualTo("\"text\"");
		assertThat(document.get("d").orElseThrow().isText()).as("1_2 is kept as written, not read as 12").isTrue();
		assertThat(document.get("e").orElseThrow().kind()).isEqualTo(YamlNode.Kind.BOOLEAN);
		assertThat(document.describe()).isEqualTo("a mapping");
		assertThat(read("").isNull()).isTrue();
	}

	@Test
	void aRepeatedKeyIsASyntaxErrorAtTheSecondOne() {
		MalformedYamlException error = catchThrowableOfType(MalformedYamlException.class,
				() -> read("a: 1\nb: 2\na: 3\n"));

		assertThat(error).hasMessageStartingWith("f.yaml:3:").hasMessageContaining("Duplicate field 'a'");
		assertThat(error.line()).isEqualTo(3);
		assertThat(error.getCause()).isInstanceOf(JsonProcessingException.class);
	}

	@Test
	void aFileThatIsNotUtf8IsRefusedAtItsFirstInvalidByte() {
		byte[] latin1 = "a:\n  - caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);

		assertThatExceptionOfType(InvalidUtf8Exception.class).isThrownBy(() -> YamlReader.read(latin1, "f.yaml"))
			.withMessageStartingWith("f.yaml:2:8: invalid UTF-8 at byte offset 10 (0xE9)");
	}

	@Test
	void aSyntaxErrorCarriesTheDocumentReadUpToIt() {
		MalformedYamlException error = catchThrowableOfType(MalformedYamlException.class,
				() -> read("a:\n  b: [1, 2]\n  c: d: e\n"));

		assertThat(error.line()).isEqualTo(3);
		YamlNode a = error.partial().get("a").orElseThrow();
		assertThat(a.get("b").orElseThrow().list()).hasSize(2);
		assertThat(a.get("c").orElseThrow().text()).isEqualTo("d");
		assertThat(a.get("c").orElseThrow().valueWhere()).isEqualTo("f.yaml:3:6");
	}

	@Test
	void aFormatIsGivenTheDocumentAboveASyntaxErrorFirst() {
		byte[] yaml = "defaults: nullFraction: 0.02\n".getBytes(StandardCharsets.UTF_8);

		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> YamlReader.read(yaml, "f.yaml", YamlReaderTests::mapOfMaps))
			.withMessage("f.yaml:1:11: defaults must be a mapping, but was \"nullFraction\"");
		assertThatExceptionOfType(MalformedYamlException.class)
			.isThrownBy(() -> YamlReader.read("defaults:\n  x: 1\n y: 2\n".getBytes(StandardCharsets.UTF_8), "f.yaml",
					YamlReaderTests::mapOfMaps))
			.withMessageStartingWith("f.yaml:3:2: malformed YAML: ");
		assertThat(YamlReader.read("defaults: {x: 1}\n".getBytes(StandardCharsets.UTF_8), "f.yaml",
				YamlReaderTests::mapOfMaps)).isEqualTo(1);
	}

	/** A format whose values are all mappings: how many there are. */
	private static int mapOfMaps(YamlNode document) {
		document.map().forEach((key, value) -> {
			if (!value.isMap()) {
				throw new IllegalArgumentException(value.valueWhere() + ": " + key + " must be a mapping, but was "
						+ value.describe());
			}
		});
		return document.map().size();
	}
}
