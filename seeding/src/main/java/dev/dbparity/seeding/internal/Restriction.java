package dev.dbparity.seeding.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.dbparity.seeding.RestrictedRules.Kind;
import dev.dbparity.seeding.RestrictedRules.Omission;
import dev.dbparity.snapshots.yaml.YamlNode;

/**
 * {@code Restriction} cuts parsed seed rules down to the tables and columns a schema has at one migration version:
 * first by existence and {@code since:}, then, until nothing changes, what depends on something left out (rows per a
 * left-out parent, a reference to a left-out table or column, a template reading a left-out column, a reference that
 * would take each row's parent in place of a left-out one), then fixtures. Kept rules are not changed, so every kept
 * value is the one the full rules give. May change in any minor release.
 */
public final class Restriction {

	private final String version;

	private final Version at;

	private final SchemaModel schema;

	private final Problems problems;

	private final Map<String, YamlNode> rules;

	/** Kept tables with their kept column rules, in file order. */
	private final Map<String, Map<String, YamlNode>> kept = new LinkedHashMap<>();

	private final Map<String, String> located = new TreeMap<>();

	private final List<Omission> omissions = new ArrayList<>();

	private Restriction(String version, Version at, SchemaModel schema, Map<String, YamlNode> rules,
			Problems problems) {
		this.version = version;
		this.at = at;
		this.schema = schema;
		this.rules = rules;
		this.problems = problems;
	}

	/** What {@link #of} gives: the restricted document, where the rules' tables are, and what was left out. */
	public record Result(YamlNode root, Map<String, String> located, List<Omission> omissions) {
	}

	/**
	 * Restricts {@code root}, a document that parsed without problems, to {@code schema} at {@code version}. A table or
	 * column whose {@code since:} is not after the version but that does not exist is a problem.
	 */
	public static Result of(YamlNode root, Path baseDirectory, String version, Version at, SchemaModel schema,
			Problems problems) {
		Optional<YamlNode> tables = root.get("tables").filter(YamlNode::isMap);
		Restriction restriction = new Restriction(version, at, schema, tables.map(YamlNode::map).orElse(Map.of()),
				problems);
		restriction.byExistence();
		restriction.byDependencies();
		Map<String, YamlNode> document = new LinkedHashMap<>(root.map());
		tables.ifPresent(node -> document.put("tables", restriction.tables(node)));
		root.get("fixtures").filter(f -> f.kind() == YamlNode.Kind.LIST)
			.ifPresent(node -> document.put("fixtures", restriction.fixtures(node, baseDirectory)));
		return new Result(map(root, document), restriction.located, restriction.omissions);
	}

	private void byExistence() {
		rules.forEach((name, rule) -> {
			Optional<SchemaModel.Table> table = schema.table(name);
			table.ifPresent(t -> located.put(name, t.schema() + "." + t.name()));
			Optional<Version> since = Compiler.since(rule);
			if (since.isPresent() && since.get().compareTo(at) > 0) {
				leaveOut(Kind.TABLE, rule, name, "", table.isPresent() ? "the table exists, but the rule says since: "
						+ sinceText(rule) + " (a rule for a later version)" : "the rule says since: " + sinceText(rule)
								+ " and the table does not exist yet");
				return;
			}
			if (table.isEmpty()) {
				if (since.isPresent()) {
					problems.add(rule.get("since").orElseThrow(), name, "the rule says since: " + sinceText(rule)
							+ ", so the table should exist at version " + version + ", but there is no table \"" + name
							+ "\"", "set since: to the version of the migration that creates " + name
									+ ", or add that migration if it is missing");
				}
				else {
					leaveOut(Kind.TABLE, rule, name, "", "there is no table \"" + name + "\" (declare since: <version> "
							+ "if a later migration creates it)");
				}
				return;
			}
			Map<String, YamlNode> columns = new LinkedHashMap<>();
			columns(rule).forEach((column, columnRule) -> {
				String subject = name + "." + column;
				Optional<Version> columnSince = Compiler.since(columnRule);
				boolean exists = table.get().columns().containsKey(column);
				if (columnSince.isPresent() && columnSince.get().compareTo(at) > 0) {
					leaveOut(Kind.COLUMN, columnRule, name, column, exists ? "the column exists, but the rule says since: "
							+ sinceText(columnRule) + " (a rule for a later version)" : "the rule says since: "
									+ sinceText(columnRule) + " and the column does not exist yet");
				}
				else if (!exists && columnSince.isPresent()) {
					problems.add(columnRule.get("since").orElseThrow(), subject, "the rule says since: "
							+ sinceText(columnRule) + ", so the column should exist at version " + version + ", but \""
							+ name + "\" has no column \"" + column + "\"", "set since: to the version of the "
									+ "migration that adds " + subject + ", or add that migration if it is missing");
				}
				else if (!exists) {
					leaveOut(Kind.COLUMN, columnRule, name, column, "there is no column \"" + column + "\" in \"" + name
							+ "\" (declare since: <version> if a later migration adds it)");
				}
				else {
					columns.put(column, columnRule);
				}
			});
			kept.put(name, columns);
		});
	}

	private void byDependencies() {
		boolean changed = true;
		while (changed) {
			changed = false;
			for (String name : List.copyOf(kept.keySet())) {
				YamlNode rule = rules.get(name);
				Optional<String> parent = leftOutParent(name, rule);
				if (parent.isPresent()) {
					kept.remove(name);
					leaveOut(Kind.TABLE, rule, name, "", parent.get());
					changed = true;
					continue;
				}
				Map<String, YamlNode> columns = kept.get(name);
				for (Map.Entry<String, YamlNode> column : List.copyOf(columns.entrySet())) {
					Optional<String> source = leftOutSource(name, rule, column.getKey(), column.getValue());
					if (source.isPresent()) {
						columns.remove(column.getKey());
						leaveOut(Kind.COLUMN, column.getValue(), name, column.getKey(), source.get());
						changed = true;
					}
				}
				if (columns.isEmpty() && !columns(rule).isEmpty()) {
					kept.remove(name);
					leaveOut(Kind.TABLE, rule, name, "", "none of its column rules applies");
					changed = true;
				}
			}
		}
	}

	/** Why the table cannot be generated without a left-out parent: rows per it, or a reference to it. */
	private Optional<String> leftOutParent(String name, YamlNode rule) {
		Optional<String> perParent = perParent(rule);
		if (perParent.isPresent() && leftOut(perParent.get())) {
			return Optional.of("its rows are made per row of \"" + perParent.get() + "\", which is left out");
		}
		for (Map.Entry<String, YamlNode> column : kept.get(name).entrySet()) {
			Optional<String> target = column.getValue().isMap() ? column.getValue().get("references").map(YamlNode::text)
					: Optional.empty();
			int dot = target.map(t -> t.lastIndexOf('.')).orElse(-1);
			if (dot < 0) {
				continue;
			}
			String parent = target.get().substring(0, dot);
			String parentColumn = target.get().substring(dot + 1);
			if (leftOut(parent)) {
				return Optional.of(name + "." + column.getKey() + " references \"" + parent + "\", which is left out");
			}
			if (kept.containsKey(parent) && columns(rules.get(parent)).containsKey(parentColumn)
					&& !kept.get(parent).containsKey(parentColumn)) {
				return Optional.of(name + "." + column.getKey() + " references " + target.get() + ", which is left out");
			}
		}
		return Optional.empty();
	}

	/**
	 * Why a column's values would change without another, left-out column: its template reads it, or it would take
	 * each row's parent row in its place.
	 */
	private Optional<String> leftOutSource(String name, YamlNode rule, String column, YamlNode columnRule) {
		Map<String, YamlNode> columns = kept.get(name);
		for (String source : Compiler.derivedFrom(columnRule)) {
			if (columns(rule).containsKey(source) && !columns.containsKey(source)) {
				return Optional.of("its template reads {" + source + "}, which is left out");
			}
		}
		Optional<String> parent = perParent(rule);
		String target = columnRule.isMap() ? columnRule.get("references").map(YamlNode::text).orElse("") : "";
		if (parent.isPresent() && target.startsWith(parent.get() + ".")) {
			Optional<SchemaModel.Table> table = schema.table(name);
			boolean declared = Compiler.takesParentRow(column, parent.get(), columns(rule), table);
			if (!declared && Compiler.takesParentRow(column, parent.get(), columns, table)) {
				return Optional.of("without the left-out reference to \"" + parent.get() + "\" before it, which takes "
						+ "each row's parent row, it would take that parent row in its place and change its values");
			}
		}
		return Optional.empty();
	}

	private boolean leftOut(String table) {
		return rules.containsKey(table) && !kept.containsKey(table);
	}

	private static Optional<String> perParent(YamlNode rule) {
		return rule.get("rows").filter(YamlNode::isMap).flatMap(rows -> rows.get("perParent")).map(YamlNode::text);
	}

	private static Map<String, YamlNode> columns(YamlNode rule) {
		return rule.get("columns").map(YamlNode::map).orElse(Map.of());
	}

	private static String sinceText(YamlNode rule) {
		return rule.get("since").map(YamlNode::text).orElse("");
	}

	/** Leaves out the rule {@code at}: a table rule, the rule of {@code column} of {@code table}, or a fixture. */
	private void leaveOut(Kind kind, YamlNode at, String table, String column, String reason) {
		omissions.add(new Omission(kind, table, at.source(), at.line(), at.column(), kind == Kind.COLUMN ? table + "."
				+ column : table, "left out at version " + version + ": " + reason));
	}

	private YamlNode tables(YamlNode node) {
		Map<String, YamlNode> tables = new LinkedHashMap<>();
		kept.forEach((name, columns) -> {
			YamlNode rule = rules.get(name);
			Map<String, YamlNode> settings = new LinkedHashMap<>(rule.map());
			rule.get("columns").ifPresent(columnsNode -> settings.put("columns", map(columnsNode, columns)));
			tables.put(name, map(rule, settings));
		});
		return map(node, tables);
	}

	/** Fixtures of kept tables whose columns all exist; their files parsed without problems, as the rules did. */
	private YamlNode fixtures(YamlNode node, Path baseDirectory) {
		List<YamlNode> fixtures = new ArrayList<>();
		for (YamlNode entry : node.list()) {
			Optional<FixturePlan> fixture = Fixtures.read(entry, baseDirectory, problems);
			if (fixture.isEmpty()) {
				continue;
			}
			String table = fixture.get().table();
			if (leftOut(table)) {
				leaveOut(Kind.FIXTURE, entry, table, "", "the fixture file " + fixture.get().file() + " is for \"" + table
						+ "\", which is left out");
				continue;
			}
			Map<String, SchemaModel.Column> columns = schema.table(table).map(SchemaModel.Table::columns).orElse(Map.of());
			List<String> missing = fixture.get().columns().stream().filter(c -> !columns.containsKey(c)).toList();
			if (!missing.isEmpty()) {
				leaveOut(Kind.FIXTURE, entry, table, "", "the fixture file " + fixture.get().file() + " has columns "
						+ missing + " that \"" + table + "\" does not have");
				continue;
			}
			fixtures.add(entry);
		}
		return new YamlNode(node.source(), node.line(), node.column(), node.valueLine(), node.valueColumn(),
				Optional.empty(), Map.of(), fixtures, YamlNode.Kind.LIST);
	}

	private static YamlNode map(YamlNode at, Map<String, YamlNode> entries) {
		return new YamlNode(at.source(), at.line(), at.column(), at.valueLine(), at.valueColumn(), Optional.empty(),
				entries, List.of(), YamlNode.Kind.MAP);
	}
}
