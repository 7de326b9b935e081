package dev.dbparity.snapshots.catalog;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code RelationRenderings} keeps the nodes of the tables and views that MariaDB's partial reads built from the
 * catalog, each by the server's own rendering of the relation ({@code SHOW CREATE TABLE}) at that moment, so that a
 * later read of a relation rendered the same takes its node instead of reading its catalog rows again. A round trip
 * goes up, back down and up again: after the undo and after the second up, most relations it reads are rendered as
 * they were at an earlier read, and a rendering costs MariaDB a tenth of what the catalog queries of the same relation
 * do.
 *
 * <p>Why a rendering may stand for the rows: the server writes it from the same definition that its catalog views show,
 * and it shows everything of a table's node (columns with their types, defaults, generation and comments; indexes;
 * keys; checks; options; engine and collations) and of a view's (its query, algorithm, security and check option).
 * It does not show triggers and grants: a node is kept without them, and they are read again each time. A rendering is
 * used only where it shows everything: not with the session's {@code sql_mode} leaving options out
 * ({@code NO_FIELD_OPTIONS}, {@code NO_KEY_OPTIONS}, {@code NO_TABLE_OPTIONS}, which {@code ORACLE} and others
 * imply), nor without quoted names, nor on a server whose table names are not case-sensitive (a rendering names the
 * table as it was asked for), nor for partitioned, temporary or sequence tables. A rendering shows the options a table
 * has where the catalog shows those it was given (an Aria table given {@code ROW_FORMAT=COMPRESSED} is rendered
 * {@code ROW_FORMAT=PAGE}, its {@code CREATE_OPTIONS} say {@code row_format=COMPRESSED}), so the key also holds the
 * relation's row of {@code information_schema.TABLES}, and the mark's settings (database, character sets, modes), so
 * that a node is only ever taken where it was built under the same ones. The table's {@code AUTO_INCREMENT} counter,
 * which the rendering shows and the snapshot does not, is left out of the key.
 *
 * <p>Shared by the marks of one chain of reads; thread-safe. It keeps the {@value #CAPACITY} renderings used last.
 */
final class RelationRenderings {

	/** How many renderings are kept: a long history's round trips use each a few times, in a row. */
	static final int CAPACITY = 2_000;
	/** MariaDB writes the counter right after the engine, on the table options' line. */
	private static final Pattern AUTO_INCREMENT = Pattern.compile("(?m)^(\\) ENGINE=\\S+) AUTO_INCREMENT=\\d+");
	private static final Pattern PARTIAL_MODES = Pattern.compile("\\bNO_(?:FIELD|KEY|TABLE)_OPTIONS\\b");

	private final Map<String, Recognised> nodes = new LinkedHashMap<>(64, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Recognised> eldest) {
			return size() > CAPACITY;
		}
	};

	/**
	 * A relation's node as an earlier read built it, without triggers and grants.
	 *
	 * @param section {@code tables} or {@code views}
	 * @param name the relation's name as the catalog spells it
	 */
	record Recognised(String section, String name, ObjectNode node) {
	}

	/**
	 * Whether renderings can stand for catalog rows under {@code rendering}, the session's settings a mark holds:
	 * {@code sql_mode}, {@code sql_quote_show_create} and {@code lower_case_table_names}, separated by {@code |}.
	 */
	static boolean usable(String rendering) {
		String[] settings = rendering.split("\\|", -1);
		return settings.length == 3 && !PARTIAL_MODES.matcher(settings[0]).find() && (settings[1].equals("ON") || settings[1].equals("1"))
				&& settings[2].equals("0");
	}

	/**
	 * The key of the relation {@code SHOW CREATE TABLE} rendered as {@code rendering} where {@code context} holds the
	 * rest (the mark's settings and the relation's row of {@code TABLES}); empty for a relation whose rendering does
	 * not stand for its rows.
	 */
	static Optional<String> key(String context, String rendering) {
		if (rendering == null || rendering.startsWith("CREATE TEMPORARY") || rendering.startsWith("CREATE SEQUENCE")
				|| rendering.contains("PARTITION")) {
			return Optional.empty();
		}
		return Optional.of(context + "\n" + AUTO_INCREMENT.matcher(rendering).replaceFirst("$1"));
	}

	/** The node kept for {@code key}, if any: a copy, the caller's to complete. */
	synchronized Optional<Recognised> recognise(String key) {
		Recognised kept = nodes.get(key);
		return kept == null ? Optional.empty()
				: Optional.of(new Recognised(kept.section(), kept.name(), kept.node().deepCopy()));
	}

	/** Keeps {@code node}, the relation {@code name} of {@code section} as a read built it, for {@code key}. */
	synchronized void remember(String key, String section, String name, JsonNode node) {
		ObjectNode kept = (ObjectNode) node.deepCopy();
		kept.remove("grants");
		if (kept.has("triggers")) {
			kept.putObject("triggers");
		}
		for (Iterator<JsonNode> columns = kept.path("columns").elements(); columns.hasNext();) {
			JsonNode column = columns.next();
			if (column instanceof ObjectNode columnNode) {
				columnNode.remove("grants");
			}
		}
		nodes.put(key, new Recognised(section, name, kept));
	}
}
