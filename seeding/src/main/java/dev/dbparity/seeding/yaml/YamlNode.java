package dev.dbparity.seeding.yaml;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code YamlNode} is one value of a hand-written YAML file together with where it starts, so that every error about it
 * can name the file, line and column.
 *
 * <p>Exactly one of {@code scalar} (text, {@link BigDecimal}, {@link Boolean}), {@code map} or {@code list} is set; a
 * YAML {@code null} is a node with none of them. Maps keep the file's key order.
 *
 * @param source the file name
 * @param line 1-based
 * @param column 1-based
 * @since 0.1
 */
public record YamlNode(String source, int line, int column, Optional<Object> scalar, Map<String, YamlNode> map,
		List<YamlNode> list, Kind kind) {

	/** What a node holds. */
	public enum Kind {
		NULL, TEXT, NUMBER, BOOLEAN, MAP, LIST
	}

	public YamlNode {
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(scalar, "scalar");
		map = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
		list = List.copyOf(list);
		Objects.requireNonNull(kind, "kind");
	}

	public boolean isMap() {
		return kind == Kind.MAP;
	}

	public boolean isText() {
		return kind == Kind.TEXT;
	}

	public boolean isNumber() {
		return kind == Kind.NUMBER;
	}

	public boolean isNull() {
		return kind == Kind.NULL;
	}

	/** The scalar as text ({@code ""} for maps, lists and null). */
	public String text() {
		return scalar.map(value -> value instanceof BigDecimal number ? number.toPlainString() : value.toString())
			.orElse("");
	}

	public Optional<BigDecimal> number() {
		return scalar.filter(BigDecimal.class::isInstance).map(BigDecimal.class::cast);
	}

	public Optional<YamlNode> get(String key) {
		return Optional.ofNullable(map.get(key));
	}

	/** The node as a Jackson tree with positions dropped, for hashing the normalised rules. */
	public JsonNode toJson() {
		JsonNodeFactory factory = JsonNodeFactory.instance;
		switch (kind) {
			case MAP -> {
				ObjectNode object = factory.objectNode();
				map.forEach((key, value) -> object.set(key, value.toJson()));
				return object;
			}
			case LIST -> {
				ArrayNode array = factory.arrayNode();
				list.forEach(value -> array.add(value.toJson()));
				return array;
			}
			case TEXT -> {
				return factory.textNode(text());
			}
			case NUMBER -> {
				return factory.numberNode(number().orElseThrow().stripTrailingZeros());
			}
			case BOOLEAN -> {
				return factory.booleanNode((Boolean) scalar.orElseThrow());
			}
			default -> {
				return factory.nullNode();
			}
		}
	}
}
