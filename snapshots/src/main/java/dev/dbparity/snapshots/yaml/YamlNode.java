package dev.dbparity.snapshots.yaml;

import java.math.BigDecimal;
import java.util.Collections;
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
 * {@code YamlNode} is one value of a hand-written YAML file together with where it is written, so that every error
 * about it can name the file, line and column.
 *
 * <p>Exactly one of {@code scalar} (text, {@link BigDecimal}, {@link Boolean}), {@code map} or {@code list} is set; a
 * YAML {@code null} is a node with none of them. Maps keep the file's key order.
 *
 * <p>A value in a mapping has two places: where its key is ({@code line}, {@code column}: an unknown key, or a rule
 * about the whole entry, is reported there) and where the value itself starts ({@code valueLine},
 * {@code valueColumn}: a value of the wrong type or out of range is reported there). Every other node has one.
 *
 * @param source the file name
 * @param line 1-based, of the key for a value in a mapping
 * @param column 1-based, of the key for a value in a mapping
 * @param valueLine 1-based, of the value itself
 * @param valueColumn 1-based, of the value itself
 * @since 0.1
 */
public record YamlNode(String source, int line, int column, int valueLine, int valueColumn, Optional<Object> scalar,
		Map<String, YamlNode> map, List<YamlNode> list, Kind kind) {

	/** What a node holds. */
	public enum Kind {
		NULL, TEXT, NUMBER, BOOLEAN, MAP, LIST
	}

	public YamlNode {
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(scalar, "scalar");
		map = Collections.unmodifiableMap(new LinkedHashMap<>(map));
		list = List.copyOf(list);
		Objects.requireNonNull(kind, "kind");
	}

	/** A node whose value starts where it is named: a document, an item of a list, a node made in code. */
	public YamlNode(String source, int line, int column, Optional<Object> scalar, Map<String, YamlNode> map,
			List<YamlNode> list, Kind kind) {
		this(source, line, column, line, column, scalar, map, list, kind);
	}

	/** {@code source:line:column} of the node: of its key for a value in a mapping. */
	public String where() {
		return source + ":" + line + ":" + column;
	}

	/** {@code source:line:column} where the value itself starts. */
	public String valueWhere() {
		return source + ":" + valueLine + ":" + valueColumn;
	}

	public boolean isMap() {
		return kind == Kind.MAP;
	}

	public boolean isList() {
		return kind == Kind.LIST;
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

	/** Whether the value was left out: {@code null}, {@code ~}, or nothing after the key (which Jackson reads as ""). */
	public boolean isAbsent() {
		return kind == Kind.NULL || kind == Kind.TEXT && text().isEmpty();
	}

	/** The value as an error message shows it: {@code a mapping}, {@code a list}, or the scalar in quotes. */
	public String describe() {
		return switch (kind) {
			case MAP -> "a mapping";
			case LIST -> "a list";
			case NULL -> "\"null\"";
			default -> "\"" + text() + "\"";
		};
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
