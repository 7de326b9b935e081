package dev.dbparity.seeding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.dbparity.seeding.faker.FakerExpressions;
import dev.dbparity.seeding.internal.Loading;
import dev.dbparity.seeding.internal.Plan;
import dev.dbparity.seeding.internal.Problems;
import dev.dbparity.seeding.internal.SchemaModel;
import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.atomic.AtomicFiles;
import dev.dbparity.snapshots.catalog.CaptureOptions;
import dev.dbparity.snapshots.catalog.CatalogReaders;
import dev.dbparity.snapshots.json.CanonicalJson;

/**
 * {@code Seeder} fills a migrated database from {@link SeedRules}: for users through {@code @ParityDatabase(seed = …)}
 * and {@code dbparity seed}, and for callers of this API.
 *
 * <p>What happens, in order:
 * <ol>
 * <li>the live schema is read and the rules are checked against it (unknown tables and columns, NOT NULL columns
 * without rule or default, values that cannot fit their column's type, unique keys the rules cannot fill, estimated
 * rows above the {@link RowLimits}, …, see {@link #check}): any problem throws {@link SeedRulesException} listing all
 * of them, and nothing is written;</li>
 * <li>in one transaction, tables are loaded parents first (all, or those {@link SeedOptions#onlyTables()} names),
 * each streamed by the engine's bulk path (PostgreSQL {@code COPY}, MariaDB/MySQL {@code LOAD DATA LOCAL INFILE})
 * while the next rows are generated on another thread; foreign keys in a cycle are loaded NULL and set afterwards;</li>
 * <li>the lock file is checked or written ({@link LockMode}); a mismatch in {@code VERIFY} rolls back and throws
 * {@link SeedLockException};</li>
 * <li>after commit, identity, serial and auto-increment counters are moved past the seeded keys, so that a later
 * {@code INSERT} without a key works.</li>
 * </ol>
 *
 * <p>Every value depends only on the seed, the rules' version, the table, the column and the row index, so the data is
 * the same on every engine, JVM and run. MariaDB/MySQL connections need {@code allowLoadLocalInfile=true}.
 *
 * @since 0.1
 */
public final class Seeder {

	/** The lock file format this version writes. */
	public static final int LOCK_FORMAT = 1;

	private Seeder() {
	}

	/**
	 * Seeds the database behind {@code connection}; the connection's auto-commit setting is restored afterwards.
	 *
	 * @throws SeedRulesException when the rules do not fit the schema (nothing written)
	 * @throws SeedLockException when {@link LockMode#VERIFY} finds changed output (rolled back)
	 * @throws SQLException when the database refuses the data
	 */
	public static SeedReport seed(Connection connection, SeedRules rules, SeedOptions options) throws SQLException {
		SchemaSnapshot snapshot = CatalogReaders.forConnection(connection).read(connection, CaptureOptions.all());
		Plan plan = checked(rules, snapshot, options);
		Set<String> tables = tablesToLoad(rules, plan, options);
		options.progress().accept(checkedLine(rules, plan, tables, limits(rules, options)));
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		Loading loading = new Loading(connection, options.maskingKey(), options.progress());
		Map<String, Loading.TableResult> results;
		try {
			results = loading.load(plan, tables);
			lock(rules, options, results);
			connection.commit();
		}
		catch (SQLException | RuntimeException e) {
			connection.rollback();
			throw e;
		}
		finally {
			connection.setAutoCommit(autoCommit);
		}
		loading.resetCounters(plan, tables);
		Map<String, Long> rows = new LinkedHashMap<>();
		Map<String, Long> millis = new LinkedHashMap<>();
		Map<String, String> hashes = new LinkedHashMap<>();
		results.forEach((table, result) -> {
			rows.put(table, result.rows());
			millis.put(table, result.millis());
			hashes.put(table, result.hash());
		});
		return new SeedReport(rows, millis, hashes);
	}

	/**
	 * Checks {@code rules} against a database whose schema is {@code snapshot} as {@link #seed} does before writing
	 * anything: every table and column named exists, every value can be loaded into its column, unique keys can be
	 * unique, and the estimated rows are within the row limits. Writes nothing.
	 *
	 * @throws SeedRulesException listing every problem, each with file, line, column and {@code table.column}
	 * @throws IllegalArgumentException when {@link SeedOptions#onlyTables()} names a table without rules
	 */
	public static void check(SeedRules rules, SchemaSnapshot snapshot, SeedOptions options) {
		tablesToLoad(rules, checked(rules, snapshot, options), options);
	}

	private static Plan checked(SeedRules rules, SchemaSnapshot snapshot, SeedOptions options) {
		Problems problems = new Problems();
		Plan plan = rules.plan(SchemaModel.of(snapshot), options.profile(), limits(rules, options), problems);
		problems.throwIfAny();
		return plan;
	}

	/** {@code seed.yaml checked: about 3,400,000 rows to load into 3 tables (limits: …)}. */
	private static String checkedLine(SeedRules rules, Plan plan, Set<String> tables, RowLimits limits) {
		BigDecimal rows = plan.tables().stream().filter(t -> tables.contains(t.name())).map(t -> t.estimate())
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		return String.format(Locale.ROOT, "%s checked: about %,d rows to load into %d %s (limits: %,d per table, %,d in "
				+ "total)", rules.source(), rows.toBigInteger(), tables.size(), tables.size() == 1 ? "table" : "tables",
				limits.perTable(), limits.total());
	}

	/** The options' row limits, else the rules' {@code limits:}, else {@link RowLimits#DEFAULT}. */
	private static RowLimits limits(SeedRules rules, SeedOptions options) {
		return options.rowLimits().or(rules::limits).orElse(RowLimits.DEFAULT);
	}

	private static Set<String> tablesToLoad(SeedRules rules, Plan plan, SeedOptions options) {
		Set<String> all = new LinkedHashSet<>();
		plan.tables().forEach(table -> all.add(table.name()));
		if (options.onlyTables().isEmpty()) {
			return all;
		}
		Set<String> unknown = new TreeSet<>(options.onlyTables().get());
		unknown.removeAll(all);
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("SeedOptions.onlyTables names " + unknown + ", which "
					+ (unknown.size() == 1 ? "has" : "have") + " no rules in " + rules.source() + ". Name tables as the "
					+ "rules do: " + rules.tables());
		}
		return options.onlyTables().get();
	}

	private static void lock(SeedRules rules, SeedOptions options, Map<String, Loading.TableResult> results) {
		if (options.lockMode() == LockMode.IGNORE) {
			return;
		}
		Path file = options.lockFile().orElseThrow();
		ObjectNode tables = CanonicalJson.object();
		results.forEach((table, result) -> tables.set(table, CanonicalJson.object().put("rows", result.rows())
			.put("hash", result.hash())));
		ObjectNode existing = (ObjectNode) read(file);
		if (options.lockMode() == LockMode.VERIFY) {
			if (existing == null) {
				throw new SeedLockException(file + " does not exist, so the seeded data cannot be verified. Create it "
						+ "once with lock mode UPDATE and commit it.", List.of());
			}
			JsonNode locked = existing.path("profiles").path(options.profile()).path("tables");
			List<String> changed = new ArrayList<>();
			TreeSet<String> names = new TreeSet<>(results.keySet());
			locked.fieldNames().forEachRemaining(names::add);
			for (String table : names) {
				if (!describe(locked.path(table), Integer.MAX_VALUE).equals(describe(tables.path(table), Integer.MAX_VALUE))) {
					changed.add(table + " (" + describe(locked.path(table), 19) + " -> " + describe(tables.path(table), 19)
							+ ")");
				}
			}
			boolean sameRules = existing.path("rulesVersion").asInt() == rules.version();
			if (!changed.isEmpty()) {
				throw new SeedLockException("The seeded data differs from " + file + " for profile \""
						+ options.profile() + "\" in " + changed.size() + (changed.size() == 1 ? " table" : " tables")
						+ ":\n  " + String.join("\n  ", changed) + "\nRules version " + existing.path("rulesVersion")
						+ (sameRules ? "" : " -> " + rules.version()) + ", Datafaker "
						+ existing.path("datafaker").asText() + " -> " + FakerExpressions.version() + ". Nothing was "
						+ "written. If the change is intended, rewrite the lock with lock mode UPDATE and commit it.",
						changed);
			}
			return;
		}
		ObjectNode root = existing == null ? CanonicalJson.object() : existing;
		root.put("format", LOCK_FORMAT);
		root.put("rulesVersion", rules.version());
		root.put("datafaker", FakerExpressions.version());
		ObjectNode profiles = root.has("profiles") ? (ObjectNode) root.get("profiles") : root.putObject("profiles");
		profiles.set(options.profile(), CanonicalJson.object().set("tables", tables));
		write(file, CanonicalJson.write(root));
	}

	/** Rows and hash, the hash cut to {@code length}; compared as text, since JSON numbers read back as int. */
	private static String describe(JsonNode entry, int length) {
		String hash = entry.path("hash").asText();
		return entry.isMissingNode() ? "absent" : entry.path("rows").asLong() + " rows, "
				+ (hash.length() > length ? hash.substring(0, length) + "…" : hash);
	}

	/** The lock, or null when there is none; a temporary file an interrupted write left beside it is removed. */
	private static JsonNode read(Path file) {
		try {
			return AtomicFiles.readFile(file).map(bytes -> CanonicalJson.read(bytes, file.toString())).orElse(null);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read " + file, e);
		}
	}

	/** Atomically and durably: a crash leaves the old lock or the new one, never a mix. */
	private static void write(Path file, byte[] bytes) {
		try {
			AtomicFiles.writeFile(file, bytes);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not write " + file, e);
		}
	}
}
