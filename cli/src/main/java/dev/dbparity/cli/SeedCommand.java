package dev.dbparity.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import dev.dbparity.seeding.LockMode;
import dev.dbparity.seeding.RowLimits;
import dev.dbparity.seeding.SeedOptions;
import dev.dbparity.seeding.SeedReport;
import dev.dbparity.seeding.SeedRules;
import dev.dbparity.seeding.SeedRulesException;

/** {@code dbparity seed}: loads seed rules into a live database, with progress per table. */
@Command(name = "seed", mixinStandardHelpOptions = true,
		description = "Load deterministic, masked seed data from seed rules into a database.")
final class SeedCommand implements Callable<Integer> {

	enum Lock {
		verify, update, ignore
	}

	@Spec
	CommandSpec spec;

	@Option(names = "--rules", required = true, paramLabel = "FILE", description = "The seed rules (YAML).")
	Path rules;

	@Option(names = "--url", required = true, paramLabel = "JDBC", description = "The database to seed.")
	String url;

	@Mixin
	Credentials credentials;

	@Option(names = "--profile", defaultValue = "default", description = "Scale profile (default: ${DEFAULT-VALUE}).")
	String profile;

	@Option(names = "--lock", defaultValue = "verify",
			description = "seed.lock.json beside the rules: verify (when it exists), update, or ignore (default: "
					+ "${DEFAULT-VALUE}). update is refused when CI=true.")
	Lock lock;

	@Option(names = "--max-rows", paramLabel = "N",
			description = "The most rows to generate per table and in total, in place of the rules' limits: (default: "
					+ "the rules' limits:, else 5,000,000 per table and 10,000,000 in total).")
	Long maxRows;

	@Override
	public Integer call() {
		if (maxRows != null && maxRows < 1) {
			throw new CliException("--max-rows " + maxRows + " is not a row limit: give a whole number from 1, e.g. "
					+ "--max-rows 20000000");
		}
		if (lock == Lock.update && "true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new CliException("--lock update is refused because CI=true: a lock rewritten on CI would hide the change "
					+ "it is there to report. Update it on your machine, review it, and commit it.");
		}
		SeedRules seedRules;
		try {
			seedRules = SeedRules.load(rules);
		}
		catch (SeedRulesException e) {
			throw new CliException(e.getMessage(), e);
		}
		Path lockFile = rules.toAbsolutePath().resolveSibling("seed.lock.json");
		LockMode mode = switch (lock) {
			case update -> LockMode.UPDATE;
			case ignore -> LockMode.IGNORE;
			case verify -> lockFile.toFile().exists() ? LockMode.VERIFY : LockMode.IGNORE;
		};
		SeedOptions options = new SeedOptions(profile, SeedOptions.defaults().maskingKey(), mode,
				java.util.Optional.of(lockFile), table -> spec.commandLine().getErr().println("dbparity: " + table));
		if (maxRows != null) {
			options = options.withRowLimits(RowLimits.of(maxRows));
		}
		String safeUrl = Urls.withoutCredentials(url);
		Properties properties = credentials.properties();
		// LOAD DATA LOCAL INFILE from a stream needs it on MariaDB and MySQL; PostgreSQL ignores it.
		properties.putIfAbsent("allowLoadLocalInfile", "true");
		try (Connection connection = DriverManager.getConnection(LiveDatabase.driverUrl(url), properties)) {
			SeedReport report = dev.dbparity.seeding.Seeder.seed(connection, seedRules, options);
			spec.commandLine().getErr().println("dbparity: seeded " + report.totalRows() + " rows into " + safeUrl);
			return DbParity.SAME;
		}
		catch (SeedRulesException e) {
			throw new CliException(e.getMessage(), e);
		}
		catch (SQLException e) {
			throw new CliException("Could not seed " + safeUrl + ": " + e.getMessage(), e);
		}
	}
}
