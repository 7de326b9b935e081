package dev.dbparity.roundtrips;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.dbparity.seeding.LockMode;
import dev.dbparity.seeding.RestrictedRules;
import dev.dbparity.seeding.SeedOptions;
import dev.dbparity.seeding.SeedReport;
import dev.dbparity.seeding.SeedRulesException;
import dev.dbparity.seeding.Seeder;
import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.templates.TemplateSeed;

/**
 * {@code RoundTripSeed} fills tables of a database at one migration version from the template's seed rules, for the
 * migration round trip, which moves a database forward one migration at a time: tables keep their rows from version to
 * version, so at each version only the tables that have just appeared are filled.
 *
 * <p>The rules are restricted to the snapshot's tables and columns at the version ({@code SeedRules.at}); the tables to
 * fill are loaded with {@code SeedOptions.withOnlyTables}, so that their references point at the parent rows that
 * filling the parents at earlier versions loaded, exactly as one full seed would have made them. The lock file is
 * ignored: it records full seeds.
 *
 * <p>Internal: may change in any minor release.
 */
public final class RoundTripSeed {

	/**
	 * {@code Result} says which tables got rows, why the others did not, and which column rules and fixtures of the
	 * filled tables the version left out ({@code seed.yaml:12:7: orders.note: left out at version 2: …}).
	 */
	public record Result(List<TableRef> filled, Map<TableRef, String> skipped, List<String> notes) {

		public Result {
			filled = List.copyOf(filled);
			skipped = Collections.unmodifiableMap(new TreeMap<>(skipped));
			notes = List.copyOf(notes);
		}
	}

	private RoundTripSeed() {
	}

	/**
	 * Fills {@code tablesToFill}, tables of {@code snapshot} that are empty, in one transaction. A table without a rule
	 * at {@code version}, or whose rule gives it no rows, is skipped with the reason.
	 *
	 * @param snapshot the schema of the database {@code connection} is on, at {@code version}
	 * @param version the migration version the database is at, such as {@code 2.1}
	 * @throws SeedRulesException when the rules do not fit the schema at {@code version}: a {@code since:} that is not
	 *         after the version for a table or column that does not exist, a NOT NULL column without a rule, …
	 * @throws SQLException when the database refuses the rows (nothing was written), naming the tables and the version
	 * @throws IllegalArgumentException when a table to fill is not a table of {@code snapshot}
	 */
	public static Result fill(Connection connection, SchemaSnapshot snapshot, String version, TemplateSeed seed,
			Set<TableRef> tablesToFill) throws SQLException {
		Set<TableRef> unknown = new TreeSet<>(tablesToFill);
		unknown.removeAll(TableData.tables(snapshot).keySet());
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("Cannot fill " + unknown + ": not tables of the " + snapshot.engine()
					+ " schema snapshot at version " + version);
		}
		RestrictedRules restricted = seed.rules().at(version, snapshot);
		Map<String, String> ruleByTable = new HashMap<>();
		restricted.located().forEach((rule, table) -> ruleByTable.putIfAbsent(table, rule));
		Set<String> keptRules = Set.copyOf(restricted.rules().tables());
		Map<String, TableRef> toLoad = new LinkedHashMap<>();
		Map<TableRef, String> skipped = new LinkedHashMap<>();
		for (TableRef table : new TreeSet<>(tablesToFill)) {
			String rule = ruleByTable.get(table.toString());
			if (rule == null) {
				skipped.put(table, "the seed rules " + seed.rules().source() + " have no rules for it");
			}
			else if (keptRules.contains(rule)) {
				toLoad.put(rule, table);
			}
			else {
				skipped.put(table, restricted.tableOmission(rule).orElseThrow().toString());
			}
		}
		List<TableRef> filled = new ArrayList<>();
		if (!toLoad.isEmpty()) {
			SeedReport report = seed(connection, restricted, seed.options(), toLoad.keySet());
			toLoad.forEach((rule, table) -> {
				if (report.rows().getOrDefault(rule, 0L) > 0) {
					filled.add(table);
				}
				else {
					skipped.put(table, "its seed rules give it no rows at version " + version);
				}
			});
		}
		List<String> notes = restricted.omissions().stream()
			.filter(omission -> omission.kind() != RestrictedRules.Kind.TABLE && toLoad.containsKey(omission.table()))
			.map(RestrictedRules.Omission::toString).toList();
		return new Result(filled, skipped, notes);
	}

	private static SeedReport seed(Connection connection, RestrictedRules restricted, SeedOptions options,
			Set<String> tables) throws SQLException {
		SeedOptions partial = new SeedOptions(options.profile(), options.maskingKey(), LockMode.IGNORE, Optional.empty(),
				options.progress(), Optional.empty(), options.rowLimits()).withOnlyTables(tables);
		try {
			return Seeder.seed(connection, restricted.rules(), partial);
		}
		catch (SQLException e) {
			throw new SQLException("Seeding " + tables + " from " + restricted.rules().source() + " at migration "
					+ "version " + restricted.version() + " failed, so nothing was written: " + e.getMessage(),
					e.getSQLState(), e);
		}
	}
}
