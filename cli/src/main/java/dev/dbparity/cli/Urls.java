package dev.dbparity.cli;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.dbparity.snapshots.names.ClosestNames;
import dev.dbparity.snapshots.redaction.Redaction;

/**
 * {@code Urls} checks the JDBC URLs users give before anything connects, and shows them without passwords
 * ({@link Redaction}).
 */
final class Urls {

	/** The URL schemes dbparity connects with. */
	static final List<String> SCHEMES = List.of("jdbc:postgresql:", "jdbc:mariadb:", "jdbc:mysql:");

	/** How each is written, for messages. */
	static final String FORMS = "jdbc:postgresql://host:5432/database, jdbc:mariadb://host:3306/database or "
			+ "jdbc:mysql://host:3306/database";

	/** A URL-like start: {@code scheme://} or a JDBC subprotocol; a baseline directory does not look like one. */
	private static final Pattern URL_LIKE = Pattern.compile("(?i)^(jdbc:[a-z0-9+.-]*:|[a-z][a-z0-9+.-]+://)");
	/** The scheme, user-info and the rest of a URL written without {@code jdbc:}, e.g. {@code postgres://u:p@h/db}. */
	private static final Pattern PLAIN_URL = Pattern.compile("(?i)^([a-z][a-z0-9+.-]*)://(?:[^/?#\\s]*@)?(.*)$");
	private static final Pattern USER_INFO = Pattern.compile("(?i)^jdbc:[a-z]+://[^/?#\\s]*@");

	private Urls() {
	}

	/**
	 * An argument after the option or name that gave it, as messages show where a mistake is: {@code --url jdbc:…}, or
	 * {@code map staging=jdbc:…} for a name that ends with {@code =}.
	 */
	static String where(String option, String shownArgument) {
		return option + (option.endsWith("=") ? "" : " ") + shownArgument;
	}

	/** {@code url} as it may be shown: without passwords. */
	static String shown(String url) {
		return Redaction.url(url);
	}

	/** Whether {@code argument} is meant as a URL rather than a directory. */
	static boolean looksLikeUrl(String argument) {
		return URL_LIKE.matcher(argument).find();
	}

	/**
	 * @throws CliException saying what is wrong with {@code url}, given as {@code option}, and the form to write: a URL
	 *     without {@code jdbc:}, a scheme dbparity does not connect with, or a PostgreSQL URL with {@code user:pw@},
	 *     which its driver does not read
	 */
	static void check(String option, String url) {
		String lower = url.toLowerCase(Locale.ROOT);
		if (SCHEMES.stream().anyMatch(lower::startsWith)) {
			Matcher userInfo = USER_INFO.matcher(url);
			if (lower.startsWith("jdbc:postgresql:") && userInfo.find()) {
				throw new CliException(where(option, shown(url)) + ": PostgreSQL's JDBC driver does not read "
						+ "user:password@ in a URL (it would take them for the host). Write jdbc:postgresql://"
						+ shown(url.substring(userInfo.end())) + " and " + Credentials.HOW_TO_PASS + ".");
			}
			return;
		}
		Matcher plain = PLAIN_URL.matcher(url);
		if (!lower.startsWith("jdbc:") && plain.matches()) {
			Optional<String> scheme = jdbcScheme(plain.group(1));
			throw new CliException(where(option, shown(url)) + ": not a JDBC URL: it lacks the jdbc: prefix"
					+ scheme.map(s -> ", so no driver takes it. Write " + s + "//" + shown(plain.group(2)))
						.orElse(", and " + plain.group(1) + " is no engine dbparity connects to. Write " + FORMS)
					+ ", and " + Credentials.HOW_TO_PASS + " rather than in the URL.");
		}
		// Other engines' URLs hide passwords in forms Redaction does not know (Oracle's user/password@): only the
		// scheme is shown.
		if (!lower.startsWith("jdbc:") || lower.indexOf(':', "jdbc:".length()) < 0) {
			throw new CliException(option + ": not a JDBC URL (not shown, as it may hold a password). Write " + FORMS
					+ ", and " + Credentials.HOW_TO_PASS + ".");
		}
		String subprotocol = lower.substring(0, lower.indexOf(':', "jdbc:".length()) + 1);
		String hint = ClosestNames.closest(subprotocol, SCHEMES).map(s -> "Did you mean " + s + "? ").orElse("");
		throw new CliException(where(option, subprotocol) + "…: " + subprotocol + " is not a URL scheme dbparity "
				+ "connects with: it reads PostgreSQL, MariaDB and MySQL. " + hint + "Write " + FORMS + ".");
	}

	/** The JDBC scheme for a URL scheme users write without {@code jdbc:} (libpq's, Prisma's, Rails'). */
	private static Optional<String> jdbcScheme(String scheme) {
		return switch (scheme.toLowerCase(Locale.ROOT)) {
			case "postgres", "postgresql", "pgsql" -> Optional.of("jdbc:postgresql:");
			case "mariadb" -> Optional.of("jdbc:mariadb:");
			case "mysql", "mysql2" -> Optional.of("jdbc:mysql:");
			default -> Optional.empty();
		};
	}
}
