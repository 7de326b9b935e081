package dev.dbparity.engines;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * {@code SimpleDataSource} opens a new physical connection per {@link #getConnection()}: tests need isolation more than
 * pooling, and nothing stays open that could keep a database from being dropped.
 */
final class SimpleDataSource implements DataSource {

	private final String url;
	private final Properties properties;

	SimpleDataSource(String url, String user, String password, Properties extra) {
		this.url = url;
		this.properties = new Properties();
		this.properties.putAll(extra);
		if (!user.isEmpty()) {
			this.properties.setProperty("user", user);
		}
		if (!password.isEmpty()) {
			this.properties.setProperty("password", password);
		}
	}

	@Override
	public Connection getConnection() throws SQLException {
		return DriverManager.getConnection(url, properties);
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		Properties withCredentials = new Properties();
		withCredentials.putAll(properties);
		withCredentials.setProperty("user", username);
		withCredentials.setProperty("password", password);
		return DriverManager.getConnection(url, withCredentials);
	}

	@Override
	public PrintWriter getLogWriter() {
		return DriverManager.getLogWriter();
	}

	@Override
	public void setLogWriter(PrintWriter out) {
		DriverManager.setLogWriter(out);
	}

	@Override
	public void setLoginTimeout(int seconds) {
		DriverManager.setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() {
		return DriverManager.getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		throw new SQLFeatureNotSupportedException("SimpleDataSource does not log");
	}

	@Override
	public <T> T unwrap(Class<T> type) throws SQLException {
		if (type.isInstance(this)) {
			return type.cast(this);
		}
		throw new SQLException("SimpleDataSource does not wrap " + type.getName());
	}

	@Override
	public boolean isWrapperFor(Class<?> type) {
		return type.isInstance(this);
	}

	@Override
	public String toString() {
		return "DataSource[" + url + "]";
	}
}
