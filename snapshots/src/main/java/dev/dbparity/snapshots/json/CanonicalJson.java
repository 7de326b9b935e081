package dev.dbparity.snapshots.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;

/**
 * {@code CanonicalJson} is the one place that configures Jackson: every file dbparity writes goes through it, so the
 * same content always gives the same bytes — keys sorted, two-space indent, {@code \n} line ends, a trailing newline.
 *
 * <p>Object keys are sorted recursively when writing, also inside {@link JsonNode} trees (Jackson's own
 * {@code ORDER_MAP_ENTRIES_BY_KEYS} only sorts {@link Map}s). Array order is kept: arrays in snapshots are ordered
 * lists (index columns, enum labels).
 *
 * @since 0.1
 */
public final class CanonicalJson {

	private static final ObjectMapper MAPPER = JsonMapper.builder()
		.enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.enable(SerializationFeature.INDENT_OUTPUT)
		.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	/**
	 * {@code "key": value} — Jackson's default puts a space before the colon too. The printer writes the separator
	 * itself, so no value's text is ever touched after printing (a string holding {@code " : "} stays as it is).
	 */
	private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter(Separators.createDefaultInstance()
		.withObjectFieldValueSpacing(Separators.Spacing.AFTER))
		.withObjectIndenter(new DefaultIndenter("  ", "\n"))
		.withArrayIndenter(new DefaultIndenter("  ", "\n"));

	private CanonicalJson() {
	}

	/** A new, empty object node. */
	public static ObjectNode object() {
		return JsonNodeFactory.instance.objectNode();
	}

	/** A new, empty array node. */
	public static ArrayNode array() {
		return JsonNodeFactory.instance.arrayNode();
	}

	/** The canonical bytes of {@code value}: UTF-8, sorted keys, two-space indent, {@code \n}, trailing newline. */
	public static byte[] write(Object value) {
		return writeSorted(sorted(MAPPER.valueToTree(value)));
	}

	/**
	 * {@link #write} of a tree that {@link #sorted} returned, without copying it: for trees held sorted, such as a
	 * schema snapshot's, which can be megabytes.
	 */
	public static byte[] writeSorted(JsonNode sortedTree) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (Writer text = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
			// Printed as characters, then encoded: characters beyond the BMP stay raw UTF-8 (the byte generator would
			// escape them as \\uD83D\\uDE00), as every baseline written so far has them.
			MAPPER.writer(PRINTER).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(text, sortedTree);
			text.write('\n');
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	/** {@code value} as one line of JSON with sorted keys, for reports that quote values: {@code {"a":1,"b":[2]}}. */
	public static String writeCompact(Object value) {
		try {
			return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT)
				.writeValueAsString(sorted(MAPPER.valueToTree(value)));
		}
		catch (JsonProcessingException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** {@link #write} as text. */
	public static String writeString(Object value) {
		return new String(write(value), StandardCharsets.UTF_8);
	}

	/**
	 * Reads a JSON document.
	 *
	 * @param source what the bytes are (a file name), for the error message
	 * @throws InvalidJsonException naming the source, the line and column, and what is wrong
	 */
	public static JsonNode read(byte[] json, String source) {
		try {
			JsonNode tree = MAPPER.readTree(json);
			if (tree == null || tree.isMissingNode()) {
				throw new InvalidJsonException(source + " is empty: expected a JSON document. The file was truncated "
						+ "or never written; restore it from version control or capture it again.", null);
			}
			return tree;
		}
		catch (JsonProcessingException e) {
			int conflict = conflictMarkerLine(json);
			if (conflict > 0) {
				throw new InvalidJsonException(source + ":" + conflict + ":1 holds a merge conflict (a line starting "
						+ "with <<<<<<<): two versions of a generated file cannot be merged line by line. Take one side "
						+ "whole (git checkout --theirs or --ours -- <file>, for a baseline its whole directory), then "
						+ "capture it again from the merged code.", e);
			}
			JsonLocation location = e.getLocation();
			String where = location == null ? "" : ":" + location.getLineNr() + ":" + location.getColumnNr();
			throw new InvalidJsonException(source + where + " is not valid JSON: " + e.getOriginalMessage()
					+ ". The file may be truncated or edited by hand; restore it from version control or capture it again.", e);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read " + source, e);
		}
	}

	/** The 1-based line of the first git conflict marker in {@code json}, or 0. */
	private static int conflictMarkerLine(byte[] json) {
		String[] lines = new String(json, StandardCharsets.UTF_8).split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].startsWith("<<<<<<< ")) {
				return i + 1;
			}
		}
		return 0;
	}

	/** Reads {@code tree} as a value of {@code type}. */
	public static <T> T convert(JsonNode tree, Class<T> type) {
		return MAPPER.convertValue(tree, type);
	}

	/**
	 * A deep copy of {@code node} with every object's keys in sorted order, and every fractional number in the form
	 * {@link #write} prints ({@code 2.50} as {@code 2.5}), so that {@link #writeSorted} prints it as {@link #write} does.
	 */
	public static JsonNode sorted(JsonNode node) {
		if (node.isFloatingPointNumber()) {
			// Converted as write converts a value, which gives a fraction's shortest decimal form.
			return MAPPER.valueToTree(node);
		}
		if (node.isObject()) {
			ObjectNode sorted = object();
			List<String> names = new ArrayList<>();
			node.fieldNames().forEachRemaining(names::add);
			names.sort(null);
			for (String name : names) {
				sorted.set(name, sorted(node.get(name)));
			}
			return sorted;
		}
		if (node.isArray()) {
			ArrayNode sorted = array();
			for (Iterator<JsonNode> elements = node.elements(); elements.hasNext();) {
				sorted.add(sorted(elements.next()));
			}
			return sorted;
		}
		return node;
	}
}
