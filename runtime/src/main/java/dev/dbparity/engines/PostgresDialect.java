package dev.dbparity.engines;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jooq.SQLDialect;

import dev.dbparity.snapshots.Engine;

/**
 * {@code PostgresDialect} clones with {@code CREATE DATABASE … TEMPLATE}, a file-level copy that costs about the same
 * whatever the schema's size.
 */
final class PostgresDialect implements EngineDialect {

	/** The function of {@code pg_get_triggerdef}'s {@code EXECUTE FUNCTION public.count_post()}, as written. */
	private static final Pattern TRIGGER_FUNCTION = Pattern.compile("EXECUTE (?:FUNCTION|PROCEDURE) ([^(]+)\\(");

	static final String OWNED_MARKER = "created by dbparity; dropped when its test run ends";

	@Override
	public Engine engine() {
		return Engine.POSTGRES;
	}

	@Override
	public SQLDialect sqlDialect() {
		return SQLDialect.POSTGRES;
	}

	@Override
	public String jdbcUrl(String host, int port, String database) {
		return "jdbc:postgresql://" + host + ":" + port + "/" + (database.isEmpty() ? adminDatabase() : database);
	}

	@Override
	public String adminDatabase() {
		return "postgres";
	}

	@Override
	public String serverVersion(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				var result = statement.executeQuery("SHOW server_version")) {
			result.next();
			return result.getString(1);
		}
	}

	@Override
	public void createDatabase(Connection admin, String name) throws SQLException {
		execute(admin, "CREATE DATABASE " + quote(name));
		execute(admin, "COMMENT ON DATABASE " + quote(name) + " IS '" + OWNED_MARKER + "'");
	}

	@Override
	public void cloneDatabase(Connection admin, String template, String target) throws SQLException {
		// FILE_COPY (PG 15+) copies the template's files and skips WAL-logging every block; measured faster than
		// WAL_LOG for the small templates tests use (see the benchmarks module).
		String strategy = admin.getMetaData().getDatabaseMajorVersion() >= 15 ? " STRATEGY FILE_COPY" : "";
		execute(admin, "CREATE DATABASE " + quote(target) + " TEMPLATE " + quote(template) + strategy);
		execute(admin, "COMMENT ON DATABASE " + quote(target) + " IS '" + OWNED_MARKER + "'");
	}

	@Override
	public void dropDatabase(Connection admin, String name) throws SQLException {
		// FORCE ends connections a test leaked, which would otherwise make the drop fail and leave the database behind.
		String force = admin.getMetaData().getDatabaseMajorVersion() >= 13 ? " WITH (FORCE)" : "";
		execute(admin, "DROP DATABASE IF EXISTS " + quote(name) + force);
	}

	@Override
	public String quote(String identifier) {
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

	@Override
	public String table(String schema, String table) {
		return quote(schema) + "." + quote(table);
	}

	/** The row literal, which quotes what needs it. */
	@Override
	public String rowText(String alias, List<String> columns, List<String> types) {
		return "CAST(" + alias + " AS text)";
	}

	/** {@code NOT EXISTS}: PostgreSQL plans it as {@code LEFT JOIN … IS NULL}, and runs it about a fifth faster. */
	@Override
	public String antiJoin(String child, String parent, String match, String keyNotNull, String parentColumn) {
		return "FROM " + child + " c WHERE " + keyNotNull + " AND NOT EXISTS (SELECT 1 FROM " + parent + " p WHERE "
				+ match + ")";
	}

	/**
	 * One statement per select, sent together (the driver sends a script's statements in one round trip), prepared:
	 * after a few runs of the same text the driver prepares each on the server, whose plan then lasts until a table it
	 * reads changes. A DDL statement on one table thus plans again only that table's select, where a
	 * {@code UNION ALL} of all of them is parsed and planned again whole, at about two and a half times the server's
	 * time per read of 60 tables.
	 */
	@Override
	public void readInOneRoundTrip(Connection connection, List<String> selects, RowReader reader)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(String.join(";\n", selects))) {
			for (boolean rows = statement.execute(); rows || statement.getUpdateCount() != -1;
					rows = statement.getMoreResults()) {
				if (rows) {
					try (ResultSet result = statement.getResultSet()) {
						while (result.next()) {
							reader.read(result);
						}
					}
				}
			}
		}
	}

	/**
	 * Serial plans only: a {@code UNION ALL} over 60 tables of a few rows each is estimated costly enough for two
	 * parallel workers, and starting them takes about ten times as long as the statement itself.
	 */
	@Override
	public void forManySmallReads(Connection connection) throws SQLException {
		execute(connection, "SET max_parallel_workers_per_gather = 0");
	}

	/**
	 * The source of the function named in {@code EXECUTE FUNCTION name()}; a trigger function takes no declared
	 * arguments, so {@code to_regprocedure('name()')} finds exactly it (or nothing, without an error).
	 */
	@Override
	public String triggerBody(Connection connection, String definition) throws SQLException {
		Matcher function = TRIGGER_FUNCTION.matcher(definition);
		if (!function.find()) {
			return "";
		}
		try (PreparedStatement statement = connection.prepareStatement(
				"SELECT prosrc FROM pg_catalog.pg_proc WHERE oid = to_regprocedure(?)")) {
			statement.setString(1, function.group(1) + "()");
			try (ResultSet result = statement.executeQuery()) {
				return result.next() ? result.getString(1) : "";
			}
		}
	}

	/** Text typed {@code unknown}, which PostgreSQL converts to an enum, a UUID or JSON. */
	@Override
	public int untypedText() {
		return Types.OTHER;
	}

	/** PostgreSQL's own geometric types, in their text forms (PostGIS types are an extension's, not described). */
	@Override
	public Optional<Shape> shape(String type, int row) {
		int a = row;
		int b = row + 1;
		String text = switch (type) {
			case "point" -> "(" + a + "," + b + ")";
			case "line" -> "{1,-1," + a + "}";
			case "lseg", "path" -> "[(" + a + "," + a + "),(" + b + "," + b + ")]";
			case "box" -> "((" + b + "," + b + "),(" + a + "," + a + "))";
			case "polygon" -> "((" + a + "," + a + "),(" + b + "," + a + "),(" + b + "," + b + "))";
			case "circle" -> "<(" + a + "," + a + ")," + b + ">";
			default -> null;
		};
		return Optional.ofNullable(text).map(value -> new Shape(value, "?"));
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}
}
