package dev.dbparity.cli;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.dbparity.snapshots.redaction.Redaction;

/**
 * {@code ConnectionFailures} turns a driver's failure to connect into a message that says which failure it was (unknown
 * host, refused, timed out, wrong user or password, no such database) and what to do, with the driver's own text,
 * without passwords, for reference: "The connection attempt failed" alone helps nobody.
 */
final class ConnectionFailures {

	/** The host and port part of a URL, after any user-info. */
	private static final Pattern HOST = Pattern.compile("//(?:[^/?#\\s]*@)?([^/?#;\\s]+)");
	/** MySQL's and MariaDB's error codes for a wrong password and an unknown database. */
	private static final int ACCESS_DENIED = 1045;
	private static final int UNKNOWN_DATABASE = 1049;

	private ConnectionFailures() {
	}

	/**
	 * @param doing what could not be done, e.g. {@code read}
	 * @param failure the driver's exception
	 */
	static CliException explain(String doing, String url, SQLException failure, Credentials credentials) {
		String driver = Redaction.text(failure.getMessage(), credentials.secrets(url))
				+ (failure.getSQLState() != null ? " (SQLState " + failure.getSQLState() + ")" : "");
		String shown = Urls.shown(url);
		String host = host(url);
		String reason = reason(failure, host, credentials).orElse(driver);
		return new CliException("Could not " + doing + " " + shown + ": " + reason
				+ (reason.equals(driver) ? "" : " (driver: " + driver + ")"), failure);
	}

	private static Optional<String> reason(SQLException failure, String host, Credentials credentials) {
		String state = failure.getSQLState() == null ? "" : failure.getSQLState();
		if (cause(failure, UnknownHostException.class)) {
			return Optional.of("unknown host " + host.replaceFirst(":\\d+$", "") + ": the name does not resolve. "
					+ "Check the host name in the URL, or give the server's address.");
		}
		if (cause(failure, ConnectException.class) && !cause(failure, NoRouteToHostException.class)) {
			return Optional.of("connection refused at " + host + ": no server listens there. Check the host and port "
					+ "in the URL (PostgreSQL listens on 5432 by default, MariaDB and MySQL on 3306), and that the server "
					+ "runs and accepts TCP connections from this machine.");
		}
		if (cause(failure, SocketTimeoutException.class) || cause(failure, NoRouteToHostException.class)) {
			return Optional.of("no answer from " + host + " in time (timeout): a firewall may drop the connection or the "
					+ "server is unreachable from here. Check the host, the port and the network path (VPN, security "
					+ "group).");
		}
		if (state.equals("28P01") || state.equals("28000") || failure.getErrorCode() == ACCESS_DENIED) {
			return Optional.of("the server refused the user or password (authentication failed). Check the user and "
					+ "the password" + credentials.passwordVariable.map(variable -> " in " + variable).orElse("")
					+ ": " + Credentials.HOW_TO_PASS + ".");
		}
		if (state.equals("08004") || failure.getMessage() != null
				&& failure.getMessage().contains("no password was provided")) {
			return Optional.of("the server asks for a password and none was given: " + Credentials.HOW_TO_PASS + ".");
		}
		if (state.equals("3D000") || failure.getErrorCode() == UNKNOWN_DATABASE) {
			return Optional.of("the database the URL names does not exist on " + host + ". Check the name after the "
					+ "host and port (list the server's databases with psql -l, or SHOW DATABASES on MariaDB and MySQL).");
		}
		return Optional.empty();
	}

	private static boolean cause(Throwable failure, Class<? extends Throwable> type) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (type.isInstance(t)) {
				return true;
			}
		}
		return false;
	}

	private static String host(String url) {
		Matcher matcher = HOST.matcher(url);
		return matcher.find() ? matcher.group(1) : "the host";
	}
}
