package dev.dbparity.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import dev.dbparity.snapshots.redaction.Redaction;

/** {@code Credentials} are the options every command that connects shares; the password comes from the environment. */
final class Credentials {

	/** How a user passes credentials, for every message that tells them. */
	static final String HOW_TO_PASS = "pass the user with --user NAME and the password through an environment variable "
			+ "named with --password-env VAR (e.g. --password-env DB_PASSWORD, with the password exported in DB_PASSWORD)";

	/** The longest statement timeout: a day; a capture or dry run that needs longer is not what the option is for. */
	static final int MAX_STATEMENT_TIMEOUT_SECONDS = 86_400;

	@Option(names = "--user", description = "Database user (or give it in the URL).")
	Optional<String> user = Optional.empty();

	@Option(names = "--password-env", paramLabel = "VAR",
			description = "Name of the environment variable holding the password; passwords are never taken as arguments, "
					+ "which would show in process lists and shell history.")
	Optional<String> passwordVariable = Optional.empty();

	@Option(names = "--schema", paramLabel = "SCHEMA",
			description = "A schema to read (repeatable); default: every non-system schema (PostgreSQL) or the URL's "
					+ "database (MariaDB/MySQL).")
	List<String> schemas = List.of();

	@Option(names = "--statement-timeout", paramLabel = "SECONDS", defaultValue = "60",
			converter = StatementTimeout.class,
			description = "Longest time one catalog query may take, in whole seconds from 1 to 86400 (default: "
					+ "${DEFAULT-VALUE}).")
	int statementTimeoutSeconds;

	/** Refuses a timeout outside 1 s to a day: a negative value would reach the server, 0 would remove the limit. */
	static final class StatementTimeout implements ITypeConverter<Integer> {

		@Override
		public Integer convert(String value) {
			int seconds;
			try {
				seconds = Integer.parseInt(value.trim());
			}
			catch (NumberFormatException e) {
				throw new TypeConversionException(value + " is not a whole number of seconds. Write e.g. "
						+ "--statement-timeout 60 (seconds, from 1 to " + MAX_STATEMENT_TIMEOUT_SECONDS + ").");
			}
			if (seconds < 1 || seconds > MAX_STATEMENT_TIMEOUT_SECONDS) {
				throw new TypeConversionException(seconds + " is out of range: the timeout is in whole seconds from 1 to "
						+ MAX_STATEMENT_TIMEOUT_SECONDS + (seconds == 0 ? " (0 would remove it, and a query against "
								+ "production must never run unbounded)" : "")
						+ ". Write e.g. --statement-timeout 60, or leave the option out for 60 seconds.");
			}
			return seconds;
		}
	}

	Properties properties() {
		Properties properties = new Properties();
		user.ifPresent(value -> properties.setProperty("user", value));
		password().ifPresent(value -> properties.setProperty("password", value));
		return properties;
	}

	/** The password from the variable {@code --password-env} names. */
	Optional<String> password() {
		return passwordVariable.map(variable -> {
			String password = System.getenv(variable);
			if (password == null) {
				throw new CliException("--password-env " + variable + ": the environment variable " + variable
						+ " is not set. Set it (export " + variable + "=…) before running dbparity, or give the name of "
						+ "the variable that holds the password.");
			}
			return password;
		});
	}

	/** The passwords a connection to {@code url} uses: those in the URL and the one from {@code --password-env}. */
	Set<String> secrets(String url) {
		Set<String> secrets = new LinkedHashSet<>(Redaction.secretsIn(url));
		password().ifPresent(secrets::add);
		return secrets;
	}

	/**
	 * The passwords a command line carries, to be scrubbed from everything it prints: those in URLs, the value of the
	 * variable {@code --password-env} names, and the word after a {@code --password} option dbparity does not have.
	 */
	static Set<String> secretsIn(String[] args, Map<String, String> environment) {
		Set<String> secrets = new LinkedHashSet<>();
		for (int i = 0; i < args.length; i++) {
			secrets.addAll(Redaction.secretsIn(args[i]));
			boolean hasNext = i + 1 < args.length;
			if (args[i].startsWith("--password-env=")) {
				Optional.ofNullable(environment.get(args[i].substring("--password-env=".length()))).ifPresent(secrets::add);
			}
			else if (args[i].equals("--password-env") && hasNext) {
				Optional.ofNullable(environment.get(args[i + 1])).ifPresent(secrets::add);
			}
			else if (DbParity.PASSWORD_OPTION.matcher(args[i]).matches()) {
				int equals = args[i].indexOf('=');
				if (equals >= 0) {
					secrets.add(args[i].substring(equals + 1));
				}
				else if (hasNext) {
					secrets.add(args[i + 1]);
				}
			}
		}
		secrets.remove("");
		return secrets;
	}
}
