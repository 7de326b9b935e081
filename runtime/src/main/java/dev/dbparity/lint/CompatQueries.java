package dev.dbparity.lint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import dev.dbparity.migrations.SqlScriptSplitter;
import dev.dbparity.migrations.SqlStatement;
import dev.dbparity.runtime.ParityException;
import dev.dbparity.runtime.ProjectPaths;
import dev.dbparity.snapshots.Engine;
import dev.dbparity.snapshots.encoding.InvalidUtf8Exception;
import dev.dbparity.snapshots.encoding.StrictUtf8;

/**
 * {@code CompatQueries} is the backward-compatibility window of the pending-migration lint: the queries of the
 * application version production runs now, from the {@code *.sql} files of a folder ({@code parity/compat} by
 * default, configurable with {@code dbparity.compat} or {@code dbparity lint --compat}), one statement each, split
 * like migrations. During a deployment the old application keeps running against the migrated schema, so each query
 * must still run after each pending migration.
 *
 * <p>Each query is tried inside a transaction that is rolled back: a {@code SELECT} (or {@code WITH}) as
 * {@code SELECT * FROM (<query>) LIMIT 0}, anything else as it is; JDBC parameters ({@code ?}) are bound to
 * {@code NULL}. A query that fails is reported once, as a {@link LintFinding.Kind#COMPAT_BROKEN} finding of the first
 * migration after which it fails, with its {@code file:line} and the database's message.
 *
 * @param location the folder, as users see it
 * @param queries the queries, by file name, then line
 * @since 0.1
 */
public record CompatQueries(String location, List<Query> queries) {

	/** {@code Query} is one statement of a compat file, where it starts, as {@code file:line}. */
	public record Query(String location, String sql) {

		public Query {
			Objects.requireNonNull(location, "location");
			Objects.requireNonNull(sql, "sql");
		}
	}

	public CompatQueries {
		Objects.requireNonNull(location, "location");
		queries = List.copyOf(queries);
	}

	/** No queries: nothing is checked. */
	public static CompatQueries none() {
		return new CompatQueries("-", List.of());
	}

	/**
	 * Reads the {@code *.sql} files of {@code folder}.
	 *
	 * @throws ParityException if the folder is missing or a file cannot be read or split, naming {@code file:line}
	 */
	public static CompatQueries load(Path folder, Engine engine) {
		if (!Files.isDirectory(folder)) {
			throw new ParityException("Compat query folder " + folder.toAbsolutePath() + " was not found. Create it "
					+ "with the previous application version's queries as *.sql files, or point dbparity.compat "
					+ "(--compat on the command line) at the right folder.");
		}
		List<Path> files;
		try (Stream<Path> listing = Files.list(folder)) {
			files = listing.filter(path -> path.getFileName().toString().endsWith(".sql")).sorted().toList();
		}
		catch (IOException e) {
			throw new ParityException("Cannot list compat query folder " + folder + ": " + e.getMessage(), e);
		}
		List<Query> queries = new ArrayList<>();
		for (Path file : files) {
			String content;
			try {
				content = StrictUtf8.decode(Files.readAllBytes(file), file.toString());
			}
			catch (InvalidUtf8Exception e) {
				throw new ParityException("Compat query file " + e.getMessage(), e);
			}
			catch (IOException e) {
				throw new ParityException("Cannot read compat query file " + file + ": " + e.getMessage(), e);
			}
			List<SqlStatement> statements;
			try {
				statements = SqlScriptSplitter.split(content, engine);
			}
			catch (IllegalArgumentException e) {
				throw new ParityException("Compat query file " + file + " does not parse: " + file + ":"
						+ e.getMessage().replaceFirst("^line ", "") + ". Fix the file; each query ends with ';'.", e);
			}
			String shown = ProjectPaths.display(file);
			statements.forEach(statement -> queries.add(new Query(shown + ":" + statement.line(), statement.sql())));
		}
		return new CompatQueries(ProjectPaths.display(folder), queries);
	}

	/**
	 * The queries of {@code candidates} that no longer run on {@code connection}, with the database's messages.
	 * The connection is left in autocommit mode with nothing changed.
	 */
	List<Broken> check(Connection connection, List<Query> candidates) throws SQLException {
		List<Broken> broken = new ArrayList<>();
		connection.setAutoCommit(false);
		try {
			for (Query query : candidates) {
				try (PreparedStatement statement = connection.prepareStatement(tryable(query.sql()))) {
					statement.setEscapeProcessing(false);
					int parameters = statement.getParameterMetaData().getParameterCount();
					for (int i = 1; i <= parameters; i++) {
						statement.setNull(i, Types.NULL);
					}
					statement.execute();
				}
				catch (SQLException e) {
					broken.add(new Broken(query, Optional.ofNullable(e.getMessage()).orElse(e.toString()).strip()));
				}
				finally {
					connection.rollback();
				}
			}
		}
		finally {
			connection.setAutoCommit(true);
		}
		return broken;
	}

	/** A query that failed, with the database's message. */
	record Broken(Query query, String message) {
	}

	private static String tryable(String sql) {
		String head = sql.stripLeading().toUpperCase(Locale.ROOT);
		if (head.startsWith("SELECT") || head.startsWith("WITH")) {
			// LIMIT 0 plans and type-checks the query without reading a row.
			return "SELECT * FROM (" + sql + ") dbparity_compat LIMIT 0";
		}
		return sql;
	}
}
