package dev.dbparity.cli;

import java.util.List;
import java.util.Optional;
import java.util.Properties;

import picocli.CommandLine.Option;

/** {@code Credentials} are the options every command that connects shares; the password comes from the environment. */
final class Credentials {

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
			description = "Longest time one catalog query may take (default: ${DEFAULT-VALUE}).")
	int statementTimeoutSeconds;

	Properties properties() {
		Properties properties = new Properties();
		user.ifPresent(value -> properties.setProperty("user", value));
		passwordVariable.ifPresent(variable -> {
			String password = System.getenv(variable);
			if (password == null) {
				throw new IllegalArgumentException("--password-env " + variable + ": the environment variable " + variable
						+ " is not set.");
			}
			properties.setProperty("password", password);
		});
		return properties;
	}
}
