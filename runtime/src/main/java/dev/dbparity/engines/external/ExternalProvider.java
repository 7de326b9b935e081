package dev.dbparity.engines.external;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import dev.dbparity.engines.Availability;
import dev.dbparity.engines.DatabaseEngineProvider;
import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.engines.ServerEndpoint;
import dev.dbparity.engines.ServerEngine;
import dev.dbparity.runtime.ParityException;
import dev.dbparity.snapshots.Engine;

/**
 * {@code ExternalProvider} uses a server that already runs, given by {@code dbparity.<engine>.url} (a JDBC URL), with
 * credentials from {@code dbparity.<engine>.user} and {@code .password} or from the URL's {@code user} and
 * {@code password} parameters.
 *
 * <p>dbparity creates its own uniquely named databases there, marks them, and drops only those: the database named in
 * the URL, and every other database, is never touched. The server is not stopped when the run ends.
 *
 * @since 0.1
 */
public final class ExternalProvider implements DatabaseEngineProvider {

	public static final String ID = "external";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public int priority() {
		return 100;
	}

	@Override
	public boolean supports(Engine engine) {
		return true;
	}

	@Override
	public Availability availability(EngineSpec spec) {
		return spec.setting("url").isPresent() ? Availability.available("dbparity." + spec.engine().id() + ".url is set")
				: Availability.unavailable("dbparity." + spec.engine().id() + ".url is not set");
	}

	@Override
	public RunningEngine start(EngineSpec spec) {
		String key = "dbparity." + spec.engine().id() + ".url";
		String url = spec.setting("url").orElseThrow(() -> new ParityException("The external provider needs " + key
				+ ", e.g. " + key + "=" + example(spec.engine())));
		URI uri = parse(url, key, spec.engine());
		Map<String, String> parameters = queryParameters(uri);
		String user = spec.setting("user").orElse(parameters.getOrDefault("user", spec.engine().superuser()));
		String password = spec.setting("password").orElse(parameters.getOrDefault("password", ""));
		int defaultPort = spec.engine().defaultPort();
		Properties properties = new Properties();
		parameters.forEach((name, value) -> {
			if (!name.equals("user") && !name.equals("password")) {
				properties.setProperty(name, value);
			}
		});
		return new ServerEngine(ID, spec.engine(), new ServerEndpoint(uri.getHost(),
				uri.getPort() < 0 ? defaultPort : uri.getPort(), user, password), properties, () -> {
				});
	}

	private static URI parse(String url, String key, Engine engine) {
		String withoutPrefix = url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url;
		try {
			URI uri = URI.create(withoutPrefix);
			if (uri.getHost() == null) {
				throw new IllegalArgumentException("no host");
			}
			return uri;
		}
		catch (IllegalArgumentException e) {
			// The URL may hold a password: show only its scheme.
			String scheme = withoutPrefix.contains(":") ? withoutPrefix.substring(0, withoutPrefix.indexOf(':')) : "?";
			// The parser's own message quotes the whole URL: only its reason and position are shown.
			String reason = e.getCause() instanceof URISyntaxException syntax
					? syntax.getReason() + " at index " + syntax.getIndex() : e.getMessage();
			throw new ParityException("The value of " + key + " (a " + scheme + " URL) is not a JDBC URL with a host: "
					+ reason + ". Expected, e.g.: " + example(engine));
		}
	}

	private static Map<String, String> queryParameters(URI uri) {
		Map<String, String> parameters = new LinkedHashMap<>();
		String query = uri.getRawQuery();
		if (query != null) {
			for (String pair : query.split("&")) {
				int equals = pair.indexOf('=');
				if (equals > 0) {
					parameters.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
				}
			}
		}
		return parameters;
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	private static String example(Engine engine) {
		return engine == Engine.POSTGRES ? "jdbc:postgresql://db.internal:5432/postgres?user=ci"
				: "jdbc:" + (engine == Engine.MARIADB ? "mariadb" : "mysql") + "://db.internal:3306/?user=ci";
	}
}
