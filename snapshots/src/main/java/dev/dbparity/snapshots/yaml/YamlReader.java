package dev.dbparity.snapshots.yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import dev.dbparity.snapshots.encoding.InvalidUtf8Exception;
import dev.dbparity.snapshots.encoding.StrictUtf8;
import dev.dbparity.snapshots.json.Yaml;

/**
 * {@code YamlReader} reads a YAML document into {@link YamlNode}s that keep their positions.
 *
 * <p>Jackson parses the YAML (and refuses a key repeated in a mapping); this class only builds the tree from its
 * tokens, by hand because Jackson's own tree drops the line and column of every key and value, which each error
 * message about a hand-written file needs.
 *
 * @since 0.1
 */
public final class YamlReader {

	private static final Pattern MARK = Pattern.compile("in 'reader', line (\\d+), column (\\d+)");

	/** What {@link BigDecimal#BigDecimal(String)} reads. */
	private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

	private YamlReader() {
	}

	/**
	 * Reads the first document of {@code yaml}; an empty file is a {@code null} node at 1:1.
	 *
	 * @param source the file name, for positions
	 * @throws InvalidUtf8Exception for a file that is not UTF-8, at its first invalid byte (the parser would call it a
	 *     syntax error, at the start of the file)
	 * @throws MalformedYamlException with the file, line and column of the first syntax error, and the document up to
	 *     there
	 */
	public static YamlNode read(byte[] yaml, String source) {
		StrictUtf8.decode(yaml, source);
		Deque<Open> open = new ArrayDeque<>();
		try (JsonParser parser = Yaml.parser(yaml)) {
			try {
				for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
					YamlNode value = next(parser, token, source, open);
					if (value != null) {
						if (open.isEmpty()) {
							return value;
						}
						open.peek().add(value);
					}
				}
				return new YamlNode(source, 1, 1, Optional.empty(), Map.of(), List.of(), YamlNode.Kind.NULL);
			}
			catch (JsonProcessingException e) {
				throw malformed(source, e, closeAll(open, source));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read " + source, e);
		}
	}

	/**
	 * Reads {@code yaml} and gives the document to {@code format}, which checks it and says what it means. On a syntax
	 * error, {@code format} first gets the document as far as it was read, so that a mistake written above the syntax
	 * error is reported first, as a reader going down the file meets it first.
	 *
	 * @param format reads the document, throwing its own exception for a mistake in it
	 * @throws InvalidUtf8Exception as {@link #read(byte[], String)}
	 * @throws MalformedYamlException as {@link #read(byte[], String)}, when {@code format} finds no mistake above it
	 */
	public static <T> T read(byte[] yaml, String source, Function<YamlNode, T> format) {
		YamlNode document;
		try {
			document = read(yaml, source);
		}
		catch (MalformedYamlException e) {
			format.apply(e.partial());
			throw e;
		}
		return format.apply(document);
	}

	/** The value that {@code token} completes, or {@code null} when it opens a mapping or list or names a key. */
	private static YamlNode next(JsonParser parser, JsonToken token, String source, Deque<Open> open)
			throws IOException {
		JsonLocation at = parser.currentTokenLocation();
		Open parent = open.peek();
		if (token == JsonToken.FIELD_NAME) {
			parent.key = parser.currentName();
			parent.keyLine = at.getLineNr();
			parent.keyColumn = at.getColumnNr();
			return null;
		}
		if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
			return open.pop().close();
		}
		// A value in a mapping is named where its key is; any other value where it starts.
		boolean inMap = parent != null && parent.kind == YamlNode.Kind.MAP;
		int line = inMap ? parent.keyLine : at.getLineNr();
		int column = inMap ? parent.keyColumn : at.getColumnNr();
		if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
			open.push(new Open(token == JsonToken.START_OBJECT ? YamlNode.Kind.MAP : YamlNode.Kind.LIST, source, line,
					column, at.getLineNr(), at.getColumnNr()));
			return null;
		}
		return scalar(parser, token, source, line, column, at);
	}

	private static YamlNode scalar(JsonParser parser, JsonToken token, String source, int line, int column,
			JsonLocation at) throws IOException {
		int valueLine = at.getLineNr();
		int valueColumn = at.getColumnNr();
		switch (token) {
			case VALUE_STRING -> {
				return new YamlNode(source, line, column, valueLine, valueColumn, Optional.of(parser.getText()),
						Map.of(), List.of(), YamlNode.Kind.TEXT);
			}
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
				String text = parser.getText();
				if (!DECIMAL.matcher(text).matches()) {
					// YAML 1.1 also reads 1_2 and 0x1F as numbers; kept as written, 1_2 stays the version 1.2, and
					// where a number is expected the readers report the text with its position.
					return new YamlNode(source, line, column, valueLine, valueColumn, Optional.of(text), Map.of(),
							List.of(), YamlNode.Kind.TEXT);
				}
				return new YamlNode(source, line, column, valueLine, valueColumn, Optional.of(new BigDecimal(text)),
						Map.of(), List.of(), YamlNode.Kind.NUMBER);
			}
			case VALUE_TRUE, VALUE_FALSE -> {
				return new YamlNode(source, line, column, valueLine, valueColumn,
						Optional.of(token == JsonToken.VALUE_TRUE), Map.of(), List.of(), YamlNode.Kind.BOOLEAN);
			}
			default -> {
				return new YamlNode(source, line, column, valueLine, valueColumn, Optional.empty(), Map.of(),
						List.of(), YamlNode.Kind.NULL);
			}
		}
	}

	/** The document as far as it was read: each mapping and list still open, closed where the parser stopped. */
	private static YamlNode closeAll(Deque<Open> open, String source) {
		YamlNode closed = new YamlNode(source, 1, 1, Optional.empty(), Map.of(), List.of(), YamlNode.Kind.NULL);
		while (!open.isEmpty()) {
			closed = open.pop().close();
			if (!open.isEmpty()) {
				open.peek().add(closed);
			}
		}
		return closed;
	}

	private static MalformedYamlException malformed(String source, JsonProcessingException e, YamlNode partial) {
		JsonLocation location = e.getLocation();
		int line = location == null ? 1 : Math.max(1, location.getLineNr());
		int column = location == null ? 1 : Math.max(1, location.getColumnNr());
		// SnakeYAML's message spans lines, with context and carets; keep its sentences and its problem mark.
		String original = String.valueOf(e.getOriginalMessage());
		Matcher mark = MARK.matcher(original);
		while (mark.find()) {
			line = Integer.parseInt(mark.group(1));
			column = Integer.parseInt(mark.group(2));
		}
		String message = original.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
			.collect(Collectors.joining(": "));
		return new MalformedYamlException(source, line, column, "malformed YAML: " + message, partial, e);
	}

	/** A mapping or list whose end the parser has not reached yet. */
	private static final class Open {

		private final YamlNode.Kind kind;
		private final String source;
		private final int line;
		private final int column;
		private final int valueLine;
		private final int valueColumn;
		private final Map<String, YamlNode> map = new LinkedHashMap<>();
		private final List<YamlNode> list = new ArrayList<>();
		private String key;
		private int keyLine;
		private int keyColumn;

		Open(YamlNode.Kind kind, String source, int line, int column, int valueLine, int valueColumn) {
			this.kind = kind;
			this.source = source;
			this.line = line;
			this.column = column;
			this.valueLine = valueLine;
			this.valueColumn = valueColumn;
		}

		void add(YamlNode value) {
			if (kind == YamlNode.Kind.MAP) {
				map.put(key, value);
			}
			else {
				list.add(value);
			}
		}

		YamlNode close() {
			return new YamlNode(source, line, column, valueLine, valueColumn, Optional.empty(), map, list, kind);
		}
	}
}
