package dev.dbparity.roundtrips;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import javax.sql.DataSource;

import dev.dbparity.snapshots.catalog.CatalogReader;

/**
 * A data source whose connections tell the SQL text of each statement they send, right before sending it: what a
 * migration tool that does not tell its statements itself (Flyway, Liquibase) ran, its bookkeeping included, so that
 * a catalog reader that attributes changes to statements ({@code CatalogReader#readChanged} with statements, MariaDB)
 * can read again only what they name. The reader still proves that nothing else ran (MariaDB counts every statement
 * server-wide), so a statement sent past these wrappers — through an unwrapped driver connection, or another data
 * source — only makes the next read a full one.
 *
 * <p>JDK proxies rather than a proxy library: the wrappers only pass calls on, and note the text of the few that
 * run SQL.
 */
final class StatementRecorder {

	/** The {@link Statement} methods whose first argument is SQL they run at once. */
	private static final Set<String> RUN_GIVEN_SQL = Set.of("execute", "executeQuery", "executeUpdate",
			"executeLargeUpdate");
	/** The methods that run the statements batched so far. */
	private static final Set<String> RUN_BATCH = Set.of("executeBatch", "executeLargeBatch");

	private StatementRecorder() {
	}

	/**
	 * {@code target}, telling {@code statementsRun} every statement its connections run, as {@code reader} is to be told
	 * it ({@link CatalogReader#statementTold}).
	 */
	static DataSource recording(DataSource target, CatalogReader reader, Consumer<String> statementsRun) {
		return proxy(DataSource.class, target, (proxy, method, args) -> {
			Object result = invoke(target, method, args);
			return result instanceof Connection connection ? connection(connection, sql -> statementsRun.accept(
					reader.statementTold(connection, sql))) : result;
		});
	}

	private static Connection connection(Connection target, Consumer<String> statementsRun) {
		Connection[] self = new Connection[1];
		self[0] = proxy(Connection.class, target, (proxy, method, args) -> {
			Object result = invoke(target, method, args);
			if (result instanceof CallableStatement callable) {
				return statement(CallableStatement.class, callable, (String) args[0], self[0], statementsRun);
			}
			if (result instanceof PreparedStatement prepared) {
				return statement(PreparedStatement.class, prepared, (String) args[0], self[0], statementsRun);
			}
			if (result instanceof Statement statement) {
				return statement(Statement.class, statement, null, self[0], statementsRun);
			}
			return result;
		});
		return self[0];
	}

	/**
	 * A statement of {@code type} telling what it runs: the SQL given to a method that runs it, and for a prepared
	 * statement ({@code prepared} its SQL) its own SQL, once per run and per batched set of parameters.
	 */
	private static <T extends Statement> T statement(Class<T> type, T target, String prepared, Connection connection,
			Consumer<String> statementsRun) {
		List<String> batch = new ArrayList<>();
		return proxy(type, target, (proxy, method, args) -> {
			String name = method.getName();
			boolean givenSql = args != null && args.length > 0 && args[0] instanceof String;
			if (name.equals("getConnection") && method.getParameterCount() == 0) {
				return connection;
			}
			if (name.equals("addBatch")) {
				batch.add(givenSql ? (String) args[0] : prepared);
			}
			else if (name.equals("clearBatch")) {
				batch.clear();
			}
			else if (RUN_BATCH.contains(name)) {
				batch.forEach(statementsRun);
				batch.clear();
			}
			else if (RUN_GIVEN_SQL.contains(name)) {
				statementsRun.accept(givenSql ? (String) args[0] : prepared);
			}
			return invoke(target, method, args);
		});
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException e) {
			throw e.getCause();
		}
	}

	/**
	 * A proxy of {@code type} that hands every call to {@code handler}, but {@code equals} and {@code hashCode}, which
	 * are its own identity's: a tool may keep connections in sets.
	 */
	private static <T> T proxy(Class<T> type, T target, InvocationHandler handler) {
		return type.cast(Proxy.newProxyInstance(StatementRecorder.class.getClassLoader(), new Class<?>[] { type },
				(proxy, method, args) -> switch (method.getName()) {
					case "equals" -> method.getParameterCount() == 1 ? proxy == args[0] : handler.invoke(proxy, method, args);
					case "hashCode" -> method.getParameterCount() == 0 ? System.identityHashCode(proxy)
							: handler.invoke(proxy, method, args);
					case "toString" -> method.getParameterCount() == 0 ? "recording " + target
							: handler.invoke(proxy, method, args);
					default -> handler.invoke(proxy, method, args);
				}));
	}
}
