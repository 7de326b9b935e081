package dev.dbparity.snapshots.diff;

import static dev.dbparity.snapshots.diff.Category.ADDITIVE;
import static dev.dbparity.snapshots.diff.Category.COLUMN_ORDER;
import static dev.dbparity.snapshots.diff.Category.CONFIGURATION;
import static dev.dbparity.snapshots.diff.Category.DESTRUCTIVE;
import static dev.dbparity.snapshots.diff.Category.INCOMPATIBLE;
import static dev.dbparity.snapshots.diff.Category.INTEGRITY;
import static dev.dbparity.snapshots.diff.Category.NAMING;
import static dev.dbparity.snapshots.diff.Category.PERFORMANCE;
import static dev.dbparity.snapshots.diff.Category.SECURITY;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;

/**
 * {@code CategoryRules} is the table that gives each schema difference its {@link Category}: the first rule whose key
 * pattern matches wins, and a difference no rule matches is {@link Category#INCOMPATIBLE}, because an unknown change
 * is assumed to break the previous application version until a rule says otherwise. A second, shorter table adds the
 * categories a difference has besides (a dropped unique constraint also drops its index), and notes where the label
 * is a worst case that the schemas alone cannot settle.
 *
 * <p>Patterns match the full snapshot keys ({@code schemas.public.tables.orders.columns.total.type}), with the
 * syntax of {@link IgnoreRules}. A literal segment only matches an attribute, never an object's name, so
 * {@code **.comment} is a comment and not a table called {@code comment}.
 */
final class CategoryRules {

	private static final String TABLE = "schemas.*.tables.*.";

	private static final String COLUMN = TABLE + "columns.*.";

	private static final String ATTRIBUTE = "schemas.*.types.*.attributes.*.";

	private static final String TYPE = "schemas.*.types.*.";

	private static final String EVENT = "schemas.*.events.*";

	private static final KeyPattern ANY_EVENT = KeyPattern.compile(EVENT + ".**");

	private static final KeyPattern PARTITIONING = KeyPattern.compile(TABLE + "partitioning");

	/** Why an event's difference is labelled by the worst case. */
	static final String EVENT_NOTE = "an event runs its SQL on a schedule without the application asking, and the "
			+ "schema cannot say whether that SQL deletes data: labelled by the worst case";

	/** Why a table's conversion between partitioned and not partitioned is labelled by the worst case. */
	static final String PARTITIONING_NOTE = "a table cannot always be converted in place between partitioned and not "
			+ "partitioned, and whether its rows were copied into the new one cannot be seen in the schema: labelled by "
			+ "the worst case";

	/** Read top to bottom; the first match wins. */
	private static final List<Rule> RULES = List.of(
			rule("server: format, engine (major version included), settings, extensions", fixed(CONFIGURATION),
					"format", "engine.**", "settings.**", "extensions.**"),
			rule("comments, on anything (a constraint's index and a view's columns included)", fixed(NAMING), "**.comment",
					"**.indexComment", "schemas.*.views.*.columnComments", "schemas.*.views.*.columnComments.*"),
			rule("owners, on anything (ignored by default)", fixed(SECURITY), "**.owner"),
			rule("MariaDB/MySQL events: added, or removed", byKind(DESTRUCTIVE, INCOMPATIBLE, INCOMPATIBLE), EVENT),
			rule("MariaDB/MySQL event definers: the account the event's SQL runs as", fixed(SECURITY),
					EVENT + ".definer"),
			rule("MariaDB/MySQL event status: enabled, or disabled (on a replica too)", CategoryRules::eventStatus,
					EVENT + ".status"),
			rule("MariaDB/MySQL event ON COMPLETION: whether the event is kept once it has run for the last time",
					fixed(INCOMPATIBLE), EVENT + ".onCompletion"),
			rule("MariaDB/MySQL event SQL and schedule: what runs, and when", fixed(DESTRUCTIVE), EVENT + ".**"),
			rule("routines (functions, procedures): added, or removed (no data goes with them: the callers break)",
					byKind(ADDITIVE, INCOMPATIBLE, INCOMPATIBLE), "schemas.*.routines.*"),
			rule("schemas, tables, views, sequences, types: added or removed", byKind(ADDITIVE, DESTRUCTIVE,
					INCOMPATIBLE), "schemas.*", "schemas.*.tables.*", "schemas.*.views.*", "schemas.*.sequences.*",
					"schemas.*.types.*"),
			rule("columns and composite type attributes: added (see addedColumn) or removed", CategoryRules::column,
					TABLE + "columns.*", TYPE + "attributes.*"),
			rule("column position", fixed(COLUMN_ORDER), COLUMN + "position", ATTRIBUTE + "position"),
			rule("types of columns, attributes, domains and sequences: narrowed, widened, other family",
					CategoryRules::type, COLUMN + "type", ATTRIBUTE + "type", TYPE + "baseType",
					"schemas.*.sequences.*.type"),
			rule("nullability of columns and domains: NOT NULL added or dropped", CategoryRules::nullable,
					COLUMN + "nullable", TYPE + "nullable"),
			rule("defaults of columns and domains: added or changed (the previous application version's inserts still "
					+ "run, with the new value), or removed (they may now insert NULL or fail)", byKind(ADDITIVE,
					INCOMPATIBLE, ADDITIVE), COLUMN + "default", TYPE + "default"),
			rule("generated columns: made regular or generated, STORED or VIRTUAL, another expression (every row's value "
					+ "is re-computed or discarded)", fixed(DESTRUCTIVE), COLUMN + "generated", COLUMN + "generated.**"),
			rule("identity and auto-increment columns", fixed(INCOMPATIBLE), COLUMN + "identity.**",
					COLUMN + "autoIncrement"),
			rule("collations, character sets, table engines (InnoDB, MyISAM), storage parameters and table options",
					fixed(CONFIGURATION), "**.collation", "**.charset", TABLE + "engine", TABLE + "storage.**",
					COLUMN + "storage", COLUMN + "compression",
					TABLE + "indexes.*.storage.**", "schemas.*.views.*.storage.**",
					"schemas.*.views.*.indexes.*.storage.**"),
			rule("replica identity (what logical replication and UPDATE/DELETE on a publication use), publications",
					fixed(CONFIGURATION), TABLE + "replicaIdentity", "publications", "publications.**",
					TABLE + "publications", TABLE + "publications.**"),
			rule("an index left invalid (a failed CREATE INDEX CONCURRENTLY) or not attached to its parent's: a unique "
					+ "one no longer enforces uniqueness", CategoryRules::indexState, TABLE + "indexes.*.valid",
					TABLE + "indexes.*.ready", TABLE + "indexes.*.attached", "schemas.*.views.*.indexes.*.valid",
					"schemas.*.views.*.indexes.*.ready"),
			rule("constraint and index names", fixed(NAMING), TABLE + "primaryKey.name", TABLE + "foreignKeys.*.name",
					TABLE + "uniqueConstraints.*.name", TABLE + "checks.*.name", TABLE + "exclusions.*.name",
					TYPE + "checks.*.name", TABLE + "indexes.*.name", "schemas.*.views.*.indexes.*.name"),
			rule("keys, constraints (a domain's checks included) and triggers", fixed(INTEGRITY),
					TABLE + "primaryKey.**", TABLE + "foreignKeys.**", TABLE + "uniqueConstraints.**",
					TABLE + "checks.**", TABLE + "exclusions.**", TYPE + "checks.**", TABLE + "triggers.**"),
			rule("indexes, on tables and materialized views, extended statistics objects and statistics targets",
					fixed(PERFORMANCE), TABLE + "indexes.**", "schemas.*.views.*.indexes.**", TABLE + "statistics.**",
					COLUMN + "statisticsTarget",
					"schemas.*.views.*.statistics.**"),
			rule("grants, row-level security, policies, security definer, leakproof, view security", fixed(SECURITY),
					"**.grants.**", "**.revoked.**", "**.defaultPrivileges", "**.defaultPrivileges.**",
					TABLE + "rowLevelSecurity.**", TABLE + "policies.**", "**.securityDefiner",
					"schemas.*.routines.*.leakproof",
					"**.securityType", "schemas.*.views.*.securityBarrier", "schemas.*.views.*.securityInvoker"),
			rule("view definitions, routine bodies, results and arguments", fixed(INCOMPATIBLE),
					"schemas.*.views.*.definition", "schemas.*.routines.*.bodyHash", "schemas.*.routines.*.returns",
					"schemas.*.routines.*.arguments"),
			rule("a table made partitioned or not partitioned (PostgreSQL re-creates the table)",
					CategoryRules::partitionedKind, TABLE + "kind"),
			rule("partitioning added or removed", byKind(DESTRUCTIVE, DESTRUCTIVE, INCOMPATIBLE), TABLE + "partitioning"),
			rule("MariaDB/MySQL partitions: added, or dropped with their rows", byKind(ADDITIVE, DESTRUCTIVE,
					INCOMPATIBLE), TABLE + "partitioning.partitions.*"),
			rule("a PostgreSQL partition detached (its rows leave the parent) or attached", byKind(INCOMPATIBLE,
					DESTRUCTIVE, INCOMPATIBLE), TABLE + "partitionOf"),
			rule("MariaDB system versioning: added (history starts), or dropped with every history row",
					byKind(ADDITIVE, DESTRUCTIVE, INCOMPATIBLE), TABLE + "systemVersioned"),
			rule("partitioning and inheritance", fixed(INCOMPATIBLE), TABLE + "partitioning.**",
					TABLE + "partitionOf.**", TABLE + "inherits.**"),
			rule("enum labels: appended or inserted, or removed and reordered", CategoryRules::labels,
					TYPE + "labels"));

	/**
	 * Categories a difference has besides its first rule's: a primary key, unique or exclusion constraint is enforced
	 * by an index, so adding, dropping or re-keying one changes performance too.
	 */
	private static final List<Rule> ALSO = List.of(
			rule("the index of a primary key, unique or exclusion constraint", fixed(PERFORMANCE), TABLE + "primaryKey",
					TABLE + "primaryKey.columns", TABLE + "uniqueConstraints.*", TABLE + "exclusions.*"));

	private CategoryRules() {
	}

	/** What {@link #categorise} found: every category, most severe first, and a note when it is a worst case. */
	record Labels(List<Category> categories, Optional<String> note) {

		Category category() {
			return categories.get(0);
		}
	}

	/**
	 * The categories of {@code change}: the first matching rule's (else {@link Category#INCOMPATIBLE}) and those the
	 * additional rules add.
	 */
	static Labels categorise(Change change) {
		boolean[] names = Change.names(change.keys());
		Category category = first(RULES, change, names).orElse(INCOMPATIBLE);
		EnumSet<Category> categories = EnumSet.of(category);
		for (Rule rule : ALSO) {
			if (rule.matches(change, names)) {
				categories.add(rule.category().apply(change));
			}
		}
		return new Labels(List.copyOf(categories), note(change, names, category));
	}

	private static Optional<Category> first(List<Rule> rules, Change change, boolean[] names) {
		for (Rule rule : rules) {
			if (rule.matches(change, names)) {
				return Optional.of(rule.category().apply(change));
			}
		}
		return Optional.empty();
	}

	/** The note of a worst-case label: an event that may now delete data, a table that may have been re-created. */
	private static Optional<String> note(Change change, boolean[] names, Category category) {
		if (ANY_EVENT.matchesKeys(change.keys(), names)) {
			return category == DESTRUCTIVE ? Optional.of(EVENT_NOTE) : Optional.empty();
		}
		boolean conversion = PARTITIONING.matchesKeys(change.keys(), names) && change.kind() != Kind.CHANGED;
		return conversion || partitioned(change) ? Optional.of(PARTITIONING_NOTE) : Optional.empty();
	}

	private record Rule(String description, Function<Change, Category> category, List<KeyPattern> patterns) {

		boolean matches(Change change, boolean[] names) {
			return patterns.stream().anyMatch(pattern -> pattern.matchesKeys(change.keys(), names));
		}
	}

	private static Rule rule(String description, Function<Change, Category> category, String... patterns) {
		return new Rule(description, category, Stream.of(patterns).map(KeyPattern::compile).toList());
	}

	private static Function<Change, Category> fixed(Category category) {
		return change -> category;
	}

	private static Function<Change, Category> byKind(Category added, Category removed, Category changed) {
		return change -> switch (change.kind()) {
			case ADDED -> added;
			case REMOVED -> removed;
			case CHANGED -> changed;
		};
	}

	/**
	 * A removed column loses its data. An added one breaks the previous application version's inserts only when it is
	 * NOT NULL and nothing fills it: no default, not an identity, auto-increment or generated column.
	 */
	private static Category column(Change change) {
		if (change.kind() == Kind.REMOVED) {
			return DESTRUCTIVE;
		}
		if (change.kind() == Kind.CHANGED) {
			return INCOMPATIBLE;
		}
		JsonNode column = change.actual().orElseThrow();
		boolean filled = Stream.of("default", "identity", "autoIncrement", "generated")
			.anyMatch(key -> present(column.get(key)) && !BooleanNode.FALSE.equals(column.get(key)));
		return filled || isNullable(Optional.ofNullable(column.get("nullable"))) ? ADDITIVE : INCOMPATIBLE;
	}

	/** An event that is enabled now may delete data that it did not before; a disabled one only stops working. */
	private static Category eventStatus(Change change) {
		return change.actual().map(JsonNode::asText).filter("ENABLED"::equals).isPresent() ? DESTRUCTIVE : INCOMPATIBLE;
	}

	private static Category partitionedKind(Change change) {
		return partitioned(change) ? DESTRUCTIVE : INCOMPATIBLE;
	}

	/** Whether {@code change} is a PostgreSQL table's {@code kind} changing to or from {@code partitioned table}. */
	private static boolean partitioned(Change change) {
		return change.kind() == Kind.CHANGED && change.keys().get(change.keys().size() - 1).equals("kind")
				&& Stream.of(change.expected(), change.actual()).flatMap(Optional::stream)
					.anyMatch(kind -> kind.asText().equals("partitioned table"));
	}

	/** An index's key starts with {@code unique } when it is unique (see {@code SCHEMA-FORMAT.md}). */
	private static Category indexState(Change change) {
		List<String> keys = change.keys();
		return keys.get(keys.size() - 2).startsWith("unique ") ? INTEGRITY : PERFORMANCE;
	}

	private static Category type(Change change) {
		if (change.kind() != Kind.CHANGED) {
			return INCOMPATIBLE;
		}
		return TypeChange.classify(change.engine(), change.expected().orElseThrow().asText(),
				change.actual().orElseThrow().asText());
	}

	private static Category nullable(Change change) {
		return isNullable(change.expected()) && !isNullable(change.actual()) ? INCOMPATIBLE : ADDITIVE;
	}

	/** A column without a {@code nullable} field is nullable, as SQL columns are unless declared NOT NULL. */
	private static boolean isNullable(Optional<JsonNode> nullable) {
		return nullable.filter(CategoryRules::present).map(JsonNode::asBoolean).orElse(true);
	}

	/**
	 * Labels that all remain in the same relative order keep every stored value and its sort order, wherever new
	 * labels were added; a removed or reordered label does not.
	 */
	private static Category labels(Change change) {
		if (change.kind() != Kind.CHANGED) {
			return change.kind() == Kind.ADDED ? ADDITIVE : DESTRUCTIVE;
		}
		return TypeChange.isSubsequence(texts(change.expected().orElseThrow()), texts(change.actual().orElseThrow()))
				? ADDITIVE : DESTRUCTIVE;
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach(element -> texts.add(element.asText()));
		return texts;
	}

	private static boolean present(JsonNode node) {
		return node != null && !node.isNull() && !node.isMissingNode();
	}
}
