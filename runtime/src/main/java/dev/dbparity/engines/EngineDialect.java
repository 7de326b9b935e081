package dev.dbparity.engines;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.jooq.SQLDialect;

import dev.dbparity.snapshots.Engine;

/**
 * {@code EngineDialect} holds the engine-specific SQL for managing databases on a server (URLs, creating, cloning and
 * dropping) and for reading and writing their rows (quoting, row texts). One implementation per engine family; nothing
 * else in the extension branches on the engine for this.
 *
 * <p>Instances belong to one {@link RunningEngine} and may cache what they learn about its templates.
 *
 * @since 0.1
 */
public interface EngineDialect {

	static EngineDialect of(Engine engine) {
		return switch (engine) {
			case POSTGRES -> new PostgresDialect();
			case MARIADB, MYSQL -> new MySqlFamilyDialect(engine);
		};
	}

	Engine engine();

	SQLDialect sqlDialect();

	/** A JDBC URL without credentials; {@code database} may be empty for a server-level connection. */
	String jdbcUrl(String host, int port, String database);

	/** The database to connect to for administration ({@code postgres}, or none). */
	String adminDatabase();

	String serverVersion(Connection connection) throws SQLException;

	/** Creates {@code name} and marks it as created by dbparity where the engine can store a comment. */
	void createDatabase(Connection admin, String name) throws SQLException;

	void cloneDatabase(Connection admin, String template, String target) throws SQLException;

	void dropDatabase(Connection admin, String name) throws SQLException;

	/** {@code identifier} quoted. */
	String quote(String identifier);

	/**
	 * The table {@code table} of the schema snapshot's schema {@code schema} as SQL: qualified on PostgreSQL; on
	 * MariaDB and MySQL unqualified in the connection's own database, which snapshots call {@code default}.
	 */
	String table(String schema, String table);

	/**
	 * SQL giving the row of {@code alias} (with {@code columns}, in order, whose types as the schema snapshot writes
	 * them are {@code types}, in the same order) as one unambiguous text.
	 */
	String rowText(String alias, List<String> columns, List<String> types);

	/**
	 * {@code FROM … WHERE …} for the rows of {@code child} (alias {@code c}) for which {@code keyNotNull} holds and that
	 * no row of {@code parent} (alias {@code p}) matches by {@code match}, each row once: an anti-join, in the form the
	 * engine runs fastest.
	 *
	 * @param parentColumn a column of {@code p} that {@code match} compares to a column of {@code c} that
	 *     {@code keyNotNull} requires not to be NULL
	 */
	String antiJoin(String child, String parent, String match, String keyNotNull, String parentColumn);

	/**
	 * Runs {@code selects}, each of the same columns, in one round trip, and gives each of their rows to
	 * {@code reader}: in the form the engine runs fastest when the selects read many small tables, one each, and
	 * statements between two runs change some of those tables.
	 */
	void readInOneRoundTrip(Connection connection, List<String> selects, RowReader reader) throws SQLException;

	/**
	 * The engine's own checksum of the rows of each of {@code tables} (each as {@link #table} writes it), in their
	 * order, each empty where the engine gives none for that table; empty when the engine has no such checksum. Two
	 * equal checksums of a table say its rows are, but for a rare collision, the same: a round trip reads again only
	 * the tables whose checksum changed.
	 */
	default Optional<List<Optional<String>>> rowChecksums(Connection connection, List<String> tables)
			throws SQLException {
		return Optional.empty();
	}

	/** {@code RowReader} takes one row of a read. */
	@FunctionalInterface
	interface RowReader {

		void read(ResultSet row) throws SQLException;
	}

	/**
	 * Readies the session of {@code connection} for statements that each read many small tables, as the round trips'
	 * content hashes and orphan checks do, without changing what any statement answers.
	 */
	void forManySmallReads(Connection connection) throws SQLException;

	/** The JDBC type to bind text with that the engine must convert to the column's type itself (enums, UUIDs, JSON). */
	int untypedText();

	/**
	 * A value of the geometric or spatial type {@code type} (its name, lower-case, without modifiers), different for
	 * each {@code row}: empty for any other type, or one the engine does not have.
	 *
	 * @since 0.2
	 */
	default Optional<Shape> shape(String type, int row) {
		return Optional.empty();
	}

	/**
	 * {@code Shape} is a geometric or spatial value to write: its text, bound as {@link #untypedText()}, and the
	 * placeholder of the {@code INSERT} that takes it ({@code ?}, or a function of it).
	 *
	 * @since 0.2
	 */
	record Shape(String text, String placeholder) {
	}

	/**
	 * The statements a trigger runs, read to see which tables it writes: a MariaDB or MySQL trigger's own statement,
	 * the source of a PostgreSQL trigger's function ({@code ""} when the function is not found).
	 *
	 * @param definition the trigger's {@code definition} in the snapshot
	 */
	String triggerBody(Connection connection, String definition) throws SQLException;
}
