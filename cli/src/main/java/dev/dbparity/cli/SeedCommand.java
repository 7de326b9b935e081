package dev.dbparity.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
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
import dev.dbparity.snapshots.baseline.UpdatesOnCi;
import dev.dbparity.snapshots.names.ClosestNames;
import dev.dbparity.snapshots.redaction.Redaction;

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

	/** An unknown profile is found before anything connects; the seeder would find it only after. */
	private void checkProfile(SeedRules seedRules) {
		Set<String> known = new TreeSet<>(seedRules.profiles().keySet());
		known.add("default");
		if (!known.contains(profile)) {
			throw new CliException("--profile " + profile + ": " + rules + " has no such profile; it has "
					+ String.join(", ", ClosestNames.byCloseness(profile, known)) + ". "
					+ ClosestNames.closest(profile, known).map(name -> "Did you mean " + name + "? ").orElse("")
					+ "Give one of them, or add it to the rules: profiles: {" + profile + ": 1}.");
		}
	}

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
		if (lock == Lock.update) {
			UpdatesOnCi.refuse(System.getenv(), "--lock update", rules.toAbsolutePath().resolveSibling(SeedOptions.LOCK_FILE),
					"--lock update", ", and a lock rewritten on CI would hide the change it is there to report",
					CliException::new);
		}
		Urls.check("--url", url);
		if (!Files.isRegularFile(rules)) {
			throw new CliException("--rules " + rules + ": no such file. Give the seed rules YAML (e.g. --rules "
					+ "parity/seed.yaml), or draft them from a baseline with dbparity rules suggest --baseline DIR --out "
					+ rules + ".");
		}
		SeedRules seedRules;
		try {
			seedRules = SeedRules.load(rules);
		}
		catch (SeedRulesException e) {
			throw new CliException(e.getMessage(), e);
		}
		checkProfile(seedRules);
		Path lockFile = rules.toAbsolutePath().resolveSibling(SeedOptions.LOCK_FILE);
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
		String safeUrl = Urls.shown(url);
		Properties properties = credentials.properties();
		// LOAD DATA LOCAL INFILE from a stream needs it on MariaDB and MySQL; PostgreSQL ignores it.
		properties.putIfAbsent("allowLoadLocalInfile", "true");
		Connection connection;
		try {
			connection = DriverManager.getConnection(LiveDatabase.driverUrl(url), properties);
		}
		catch (SQLException e) {
			throw ConnectionFailures.explain("connect to", url, e, credentials);
		}
		try (connection) {
			SeedReport report = dev.dbparity.seeding.Seeder.seed(connection, seedRules, options);
			spec.commandLine().getErr().println("dbparity: seeded " + report.totalRows() + " rows into " + safeUrl);
			return DbParity.SAME;
		}
		catch (SeedRulesException e) {
			throw new CliException(e.getMessage(), e);
		}
		catch (SQLException e) {
			throw new CliException("Could not seed " + safeUrl + ": " + Redaction.text(e.getMessage(),
					credentials.secrets(url)), e);
		}
	}
}
