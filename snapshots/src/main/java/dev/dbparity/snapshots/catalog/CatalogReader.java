package dev.dbparity.snapshots.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.dbparity.snapshots.SchemaSnapshot;

/**
 * {@code CatalogReader} reads a database's schema into a {@link SchemaSnapshot} with a few bulk catalog queries: one
 * implementation per engine family, the only place that knows the engine's catalog.
 *
 * <p>Readers only read: they never write, and they work inside a read-only transaction.
 *
 * @since 0.1
 */
public interface CatalogReader {

	/**
	 * Reads the schema of the database {@code connection} is connected to.
	 *
	 * @param options which schemas to read (all non-system schemas when empty)
	 */
	SchemaSnapshot read(Connection connection, CaptureOptions options) throws SQLException;

	/**
	 * {@link #read}, with a {@link CatalogMark} of the catalog state the snapshot was read from, taken in the same
	 * transaction, when the engine can give one that {@link #unchangedSince} can verify (else none).
	 */
	default Marked readMarked(Connection connection, CaptureOptions options) throws SQLException {
		return new Marked(read(connection, options), Optional.empty());
	}

	/**
	 * Whether the catalog of the database {@code connection} is connected to is still in the state {@code mark} was
	 * taken in: then a snapshot read with that mark still describes it. {@code false} when in doubt; an engine without
	 * marks always answers {@code false}.
	 */
	default boolean unchangedSince(Connection connection, CatalogMark mark) throws SQLException {
		return false;
	}

	/**
	 * The schema now, read with a mark, given {@code previous}, read with one earlier on the same database: where the
	 * engine can tell which objects changed since that mark, only those, and the objects whose printed form names
	 * them, are read again, and the rest is taken from {@code previous}; the result is the snapshot a full read would
	 * give. By default {@code previous} itself when {@link #unchangedSince} verifies its mark, else a full read.
	 *
	 * @param options the options {@code previous} was read with
	 */
	default ChangedRead readChanged(Connection connection, Marked previous, CaptureOptions options)
			throws SQLException {
		if (previous.mark().isPresent() && unchangedSince(connection, previous.mark().get())) {
			return new ChangedRead(previous, Extent.NONE, 0);
		}
		return new ChangedRead(readMarked(connection, options), Extent.FULL, 0);
	}

	/**
	 * Whether other sessions may read rows of the same database while this reader takes a mark, and its marks stay as
	 * useful: by default they may. A reader takes its mark before it reports the first kind of object it read
	 * ({@link CaptureOptions#progress()}); from then on, other sessions' reads cost it nothing.
	 */
	default boolean marksBesideOtherReads() {
		return true;
	}

	/**
	 * {@link #readChanged(Connection, Marked, CaptureOptions)}, told which statements ran on the database since
	 * {@code previous} was read: every one, in the order they ran, on connections to the same database as
	 * {@code connection} (unqualified names mean its objects). A reader that can attribute changes to statements, and
	 * verify that no others ran, reads again only the objects they name and those naming them; by default the
	 * statements are not used.
	 *
	 * @param statementsRun the statements' texts, without their delimiters
	 */
	default ChangedRead readChanged(Connection connection, Marked previous, CaptureOptions options,
			List<String> statementsRun) throws SQLException {
		return readChanged(connection, previous, options);
	}

	/**
	 * Whether {@link #readChanged(Connection, Marked, CaptureOptions, List)} uses the statements it is told, so that a
	 * caller that must collect them first (recording a migration tool's connections) knows whether to: by default it
	 * does not.
	 *
	 * @since 0.2
	 */
	default boolean readsChangesByStatements() {
		return false;
	}

	/**
	 * {@code sql}, about to run on {@code session}, as {@link #readChanged(Connection, Marked, CaptureOptions, List)}
	 * is to be told it: by default as it is. A reader may need what only the session knows at that moment (MariaDB's,
	 * the text of the variable a {@code PREPARE … FROM @variable} prepares).
	 *
	 * @since 0.2
	 */
	default String statementTold(Connection session, String sql) {
		return sql;
	}

	/** {@code Marked} is a snapshot with the mark of the catalog state it was read from, if the engine gives one. */
	record Marked(SchemaSnapshot snapshot, Optional<CatalogMark> mark) {
	}

	/** How much of a schema {@link #readChanged} read: nothing (unchanged), some objects, or everything. */
	enum Extent {
		NONE, PARTIAL, FULL
	}

	/**
	 * {@code ChangedRead} is what {@link #readChanged} gives: the schema now, and how much of it was read.
	 *
	 * @param objects how many objects (relations, types, routines) a partial read read again; 0 otherwise
	 * @param recognised how many of them the engine's own rendering of each showed as an earlier read had them, so that
	 *     their catalog rows were not read (MariaDB); 0 otherwise
	 */
	record ChangedRead(Marked marked, Extent extent, int objects, int recognised) {

		/** A read none of whose objects was recognised. */
		public ChangedRead(Marked marked, Extent extent, int objects) {
			this(marked, extent, objects, 0);
		}
	}

	/**
	 * Limits how long each statement on {@code connection} may run from now on: in the open transaction where the engine
	 * scopes it so, else for the session. A capture from production must never hold the server up.
	 */
	void limitStatementTime(Connection connection, Duration limit) throws SQLException;
}
