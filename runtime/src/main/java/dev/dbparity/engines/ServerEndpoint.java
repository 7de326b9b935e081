package dev.dbparity.engines;

import java.util.Objects;

/**
 * {@code ServerEndpoint} is where a started server listens and the administrator credentials dbparity uses on it.
 *
 * <p>For implementors of {@link DatabaseEngineProvider}. {@link #toString()} never shows the password.
 *
 * @since 0.1
 */
public record ServerEndpoint(String host, int port, String user, String password) {

	public ServerEndpoint {
		Objects.requireNonNull(host, "host");
		Objects.requireNonNull(user, "user");
		Objects.requireNonNull(password, "password");
	}

	@Override
	public String toString() {
		return user + "@" + host + ":" + port;
	}
}
