package dev.dbparity.seeding.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import dev.dbparity.seeding.SeedProblem;
import dev.dbparity.seeding.mask.Mask;
import dev.dbparity.seeding.mask.Masker;
import dev.dbparity.snapshots.encoding.InvalidUtf8Exception;
import dev.dbparity.snapshots.encoding.StrictUtf8;
import dev.dbparity.snapshots.json.CanonicalJson;
import dev.dbparity.snapshots.json.InvalidJsonException;
import dev.dbparity.snapshots.yaml.YamlNode;

/**
 * {@code Fixtures} reads {@code fixtures:} entries: rows from CSV (a header row of column names; an empty unquoted
 * field is NULL, {@code ""} is empty text) or JSON (an array of objects), with a {@code mask:} per sensitive column.
 * May change in any minor release.
 */
public final class Fixtures {

	private static final Set<String> KEYS = Set.of("table", "file", "columns");

	private static final Set<String> MASK_KEYS = Set.of("mask", "keepDomain", "window", "fraction");

	private Fixtures() {
	}

	/** The fixture file names, for hashing the rules. */
	public static List<String> files(Optional<YamlNode> fixtures) {
		List<String> files = new ArrayList<>();
		fixtures.filter(f -> f.kind() == YamlNode.Kind.LIST).ifPresent(list -> list.list()
			.forEach(entry -> entry.get("file").ifPresent(file -> files.add(file.text()))));
		return files;
	}

	public static List<FixturePlan> read(Optional<YamlNode> fixtures, Path base, Problems problems) {
		List<FixturePlan> plans = new ArrayList<>();
		if (fixtures.isEmpty() || fixtures.get().isNull()) {
			return plans;
		}
		if (fixtures.get().kind() != YamlNode.Kind.LIST) {
			problems.add(fixtures.get(), "", "fixtures must be a list", "write fixtures:\n  - table: customers\n    "
					+ "file: fixtures/customers.csv\n    columns: {email: {mask: email}}");
			return plans;
		}
		for (YamlNode entry : fixtures.get().list()) {
			read(entry, base, problems).ifPresent(plans::add);
		}
		return plans;
	}

	/** One entry of {@code fixtures:}, with its file read. */
	public static Optional<FixturePlan> read(YamlNode entry, Path base, Problems problems) {
		if (!entry.isMap() || entry.get("table").isEmpty() || entry.get("file").isEmpty()) {
			problems.add(entry, "", "a fixture needs \"table\" and \"file\"", "write - {table: customers, file: "
					+ "fixtures/customers.csv, columns: {email: {mask: email}}}");
			return Optional.empty();
		}
		entry.map().forEach((key, node) -> {
			if (!KEYS.contains(key)) {
				problems.add(node, "", "unknown fixture setting \"" + key + "\"", "use only " + new TreeSet<>(KEYS));
			}
		});
		String table = entry.get("table").get().text();
		YamlNode fileNode = entry.get("file").get();
		Map<String, Mask> masks = masks(table, entry.get("columns"), problems);
		Path file = base.resolve(fileNode.text());
		List<String> columns = new ArrayList<>();
		List<List<Optional<String>>> rows = new ArrayList<>();
		String name = fileNode.text();
		try {
			byte[] bytes = Files.readAllBytes(file);
			if (name.toLowerCase(Locale.ROOT).endsWith(".json")) {
				json(bytes, name, columns, rows, problems, fileNode);
			}
			else {
				Optional<String> text = utf8(bytes, name, table, problems);
				if (text.isEmpty()) {
					return Optional.empty();
				}
				csv(text.get(), name, columns, rows, problems);
			}
		}
		catch (java.nio.file.NoSuchFileException e) {
			problems.add(fileNode, table, "the fixture file " + name + " does not exist (looked for " + file + ")",
					"check the path, which is resolved against the rules' directory, or create the file with a header "
							+ "row of column names");
			return Optional.empty();
		}
		catch (IOException e) {
			problems.add(fileNode, table, "cannot read the fixture file " + file + ": " + e.getMessage(),
					"check the path; it is resolved against the rules' directory");
			return Optional.empty();
		}
		for (String column : columns) {
			if (!masks.containsKey(column) && Masker.looksSensitive(column)) {
				problems.add(fileNode, table + "." + column, "the fixture column looks sensitive but has no masking "
						+ "rule", "add columns: {" + column + ": {mask: " + suggestion(column) + "}}, or {mask: none} if "
								+ "it holds no personal data");
			}
		}
		for (Map.Entry<String, Mask> mask : masks.entrySet()) {
			if (!columns.contains(mask.getKey())) {
				problems.add(entry.get("columns").orElse(entry), table + "." + mask.getKey(), "a mask is given for a "
						+ "column that the fixture file does not have", Closest.suggestion(mask.getKey(), columns)
								+ "use one of " + columns);
			}
		}
		return Optional.of(new FixturePlan(table, name, columns, masks, rows));
	}

	private static String suggestion(String column) {
		String c = column.toLowerCase(Locale.ROOT);
		if (c.contains("mail")) {
			return "email";
		}
		if (c.contains("phone") || c.contains("mobile")) {
			return "phone";
		}
		if (c.contains("name")) {
			return "name";
		}
		if (c.contains("birth") || c.contains("dob")) {
			return "dateShift";
		}
		return c.contains("address") || c.contains("street") ? "redact" : "hash";
	}

	private static Map<String, Mask> masks(String table, Optional<YamlNode> columns, Problems problems) {
		Map<String, Mask> masks = new LinkedHashMap<>();
		if (columns.isEmpty()) {
			return masks;
		}
		columns.get().map().forEach((column, node) -> {
			YamlNode kindNode = node.isMap() ? node.get("mask").orElse(node) : node;
			Optional<Mask.Kind> kind = Mask.Kind.fromYaml(kindNode.text());
			String subject = table + "." + column;
			List<String> names = java.util.Arrays.stream(Mask.Kind.values()).map(Mask.Kind::yamlName).toList();
			if (kind.isEmpty()) {
				problems.add(kindNode, subject, "unknown mask \"" + kindNode.text() + "\"",
						Closest.suggestion(kindNode.text(), names) + "use one of " + names);
				// Counted as masked, so that the column is not reported a second time as sensitive without a mask;
				// the problem above stops anything from being loaded.
				masks.put(column, Mask.of(Mask.Kind.NULL));
				return;
			}
			Mask mask = Mask.of(kind.get());
			if (node.isMap()) {
				for (Map.Entry<String, YamlNode> setting : node.map().entrySet()) {
					if (!MASK_KEYS.contains(setting.getKey())) {
						problems.add(setting.getValue(), subject, "unknown mask setting \"" + setting.getKey() + "\"",
								"use " + new TreeSet<>(MASK_KEYS));
					}
				}
				boolean keepDomain = node.get("keepDomain").map(k -> "true".equals(k.text())).orElse(false);
				int window = node.get("window").flatMap(YamlNode::number).map(BigDecimal::intValue).orElse(mask.window());
				BigDecimal fraction = node.get("fraction").flatMap(YamlNode::number).orElse(mask.fraction());
				mask = new Mask(kind.get(), keepDomain, window, fraction);
			}
			masks.put(column, mask);
		});
		return masks;
	}

	private static void json(byte[] bytes, String name, List<String> columns, List<List<Optional<String>>> rows,
			Problems problems, YamlNode at) {
		JsonNode array;
		try {
			array = CanonicalJson.read(bytes, name);
		}
		catch (InvalidJsonException e) {
			problems.add(at, "", e.getMessage(), "fix the JSON in " + name);
			return;
		}
		if (!array.isArray()) {
			problems.add(at, "", name + " must hold a JSON array of objects", "write [{\"id\": 1, \"email\": \"…\"}]");
			return;
		}
		for (JsonNode object : array) {
			object.fieldNames().forEachRemaining(field -> {
				if (!columns.contains(field)) {
					columns.add(field);
				}
			});
		}
		for (JsonNode object : array) {
			List<Optional<String>> row = new ArrayList<>();
			for (String column : columns) {
				JsonNode value = object.get(column);
				row.add(value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText()));
			}
			rows.add(row);
		}
	}

	/** The text of a CSV fixture, decoded strictly: a Latin-1 file would otherwise load U+FFFD into the rows. */
	private static Optional<String> utf8(byte[] bytes, String name, String table, Problems problems) {
		try {
			return Optional.of(StrictUtf8.decode(bytes, name));
		}
		catch (InvalidUtf8Exception e) {
			problems.add(new SeedProblem(name, e.line(), e.column(), table, "the fixture file has " + e.problem(),
					e.fix()));
			return Optional.empty();
		}
	}

	/** RFC 4180 CSV; a wrong number of fields is reported with the file and the row's line. */
	private static void csv(String text, String name, List<String> columns, List<List<Optional<String>>> rows,
			Problems problems) {
		List<List<Optional<String>>> records = new ArrayList<>();
		List<Integer> lines = new ArrayList<>();
		List<Optional<String>> record = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean wasQuoted = false;
		int line = 1;
		int recordLine = 1;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					if (c == '\n') {
						line++;
					}
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
				wasQuoted = true;
			}
			else if (c == ',') {
				record.add(field.length() == 0 && !wasQuoted ? Optional.empty() : Optional.of(field.toString()));
				field.setLength(0);
				wasQuoted = false;
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				if (!record.isEmpty() || field.length() > 0 || wasQuoted) {
					record.add(field.length() == 0 && !wasQuoted ? Optional.empty() : Optional.of(field.toString()));
					records.add(record);
					lines.add(recordLine);
				}
				record = new ArrayList<>();
				field.setLength(0);
				wasQuoted = false;
				line++;
				recordLine = line;
			}
			else {
				field.append(c);
			}
		}
		if (!record.isEmpty() || field.length() > 0 || wasQuoted) {
			record.add(field.length() == 0 && !wasQuoted ? Optional.empty() : Optional.of(field.toString()));
			records.add(record);
			lines.add(recordLine);
		}
		if (records.isEmpty()) {
			problems.add(new SeedProblem(name, 1, 1, "", "the CSV file is empty", "start it with a header row of column "
					+ "names"));
			return;
		}
		records.get(0).forEach(header -> columns.add(header.orElse("")));
		for (int r = 1; r < records.size(); r++) {
			if (records.get(r).size() != columns.size()) {
				problems.add(new SeedProblem(name, lines.get(r), 1, "", "row " + r + " has " + records.get(r).size()
						+ " fields, but the header has " + columns.size(), "give every row the header's "
								+ columns.size() + " fields " + columns + "; put a value that holds a comma in double "
								+ "quotes, \"like, this\""));
				continue;
			}
			rows.add(records.get(r));
		}
	}

	/** Checks fixtures against the live schema: tables and columns must exist. */
	public static void check(List<FixturePlan> fixtures, Optional<YamlNode> node, SchemaModel schema, Problems problems) {
		for (int i = 0; i < fixtures.size(); i++) {
			FixturePlan fixture = fixtures.get(i);
			YamlNode at = node.map(n -> n.list()).filter(l -> !l.isEmpty()).map(l -> l.get(0)).orElseThrow();
			for (YamlNode entry : node.get().list()) {
				if (entry.get("file").map(f -> f.text().equals(fixture.file())).orElse(false)) {
					at = entry;
				}
			}
			Optional<SchemaModel.Table> table = schema.table(fixture.table());
			if (table.isEmpty()) {
				problems.add(at, fixture.table(), "the fixture's table is not in the database",
						Closest.suggestion(fixture.table(), schema.tables().keySet()) + "check the name; tables: "
								+ new TreeSet<>(schema.tables().keySet()));
				continue;
			}
			for (String column : fixture.columns()) {
				if (!table.get().columns().containsKey(column)) {
					problems.add(at, fixture.table() + "." + column, "the fixture file " + fixture.file()
							+ " has a column the table does not have", Closest.suggestion(column,
									table.get().columns().keySet()) + "rename it in the file's header, remove it, or use "
									+ "one of " + table.get().columns().keySet());
				}
			}
		}
	}
}
