package dev.dbparity.seeding.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import dev.dbparity.seeding.mask.Masker;
import dev.dbparity.seeding.mask.MaskingKey;

/**
 * {@code Loading} runs a {@link Plan} against a connection: per table it generates rows on one thread and streams them
 * to the {@link BulkLoader} on another, hashing the generated values on the way. May change in any minor release.
 */
public final class Loading {

	/** What loading one table gave. */
	public record TableResult(long rows, long millis, String hash) {
	}

	private final Connection connection;

	private final BulkLoader loader;

	private final Masker masker;

	private final Consumer<String> progress;

	public Loading(Connection connection, MaskingKey key, Consumer<String> progress) throws SQLException {
		this.connection = connection;
		this.loader = BulkLoader.forConnection(connection);
		this.masker = new Masker(key);
		this.progress = progress;
	}

	/**
	 * Loads the plan's {@code tables} with their fixtures and sets their deferred keys; counters are left to
	 * {@link #resetCounters}. The plan's other tables are only generated where references need their keys.
	 */
	public Map<String, TableResult> load(Plan plan, Set<String> tables) throws SQLException {
		Map<String, TableResult> results = new LinkedHashMap<>();
		ExecutorService generator = Executors.newSingleThreadExecutor(runnable -> {
			Thread thread = new Thread(runnable, "dbparity-seed-generator");
			thread.setDaemon(true);
			return thread;
		});
		try {
			Set<String> planned = new LinkedHashSet<>();
			for (TablePlan table : plan.tables()) {
				planned.add(table.name);
				if (!tables.contains(table.name)) {
					continue;
				}
				long start = System.nanoTime();
				MessageDigest digest = sha256();
				long rows = generated(table, generator, digest);
				for (FixturePlan fixture : plan.fixtures()) {
					if (fixture.table().equals(table.name)) {
						rows += fixture(fixture, table.table, digest);
					}
				}
				long millis = (System.nanoTime() - start) / 1_000_000;
				results.put(table.name, new TableResult(rows, millis, "sha256:" + HexFormat.of().formatHex(digest.digest())));
				progress.accept(String.format(java.util.Locale.ROOT, "%s: %,d rows in %,d ms", table.name, rows, millis));
			}
			for (FixturePlan fixture : plan.fixtures()) {
				if (!planned.contains(fixture.table())) {
					throw new IllegalStateException("fixture table " + fixture.table() + " has no rules");
				}
			}
			for (TablePlan table : plan.tables()) {
				if (!table.deferred.isEmpty() && tables.contains(table.name)) {
					setDeferred(table);
				}
			}
		}
		finally {
			generator.shutdownNow();
		}
		return results;
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
		}
	}

	/** The load columns in the table's column order; the hash covers them in name order, so YAML order is irrelevant. */
	private long generated(TablePlan table, ExecutorService generator, MessageDigest digest) throws SQLException {
		List<ColumnPlan> columns = new ArrayList<>(table.columns);
		columns.sort(Comparator.comparingInt(c -> table.table.columns().get(c.name).position()));
		List<ColumnPlan> hashed = new ArrayList<>(table.columns);
		hashed.sort(Comparator.comparing(c -> c.name));
		digest.update(hashed.stream().map(c -> c.name).collect(Collectors.joining("\t", "", "\n"))
			.getBytes(StandardCharsets.UTF_8));
		long rows = table.rows();
		if (rows == 0) {
			return 0;
		}
		int[] hashOrder = hashed.stream().mapToInt(columns::indexOf).toArray();
		Pipe pipe = new Pipe();
		Future<?> producer = generator.submit(() -> {
			try (OutputStream out = pipe.out()) {
				// Deferred keys are loaded as NULL but hashed with their values, which the UPDATE sets later.
				boolean[] deferred = new boolean[columns.size()];
				for (int i = 0; i < deferred.length; i++) {
					deferred[i] = table.deferred.contains(columns.get(i).name);
				}
				RowEncoder encoder = new RowEncoder(out, loader, Optional.of(digest), hashOrder, deferred);
				int[] sources = columns.stream().mapToInt(c -> c.index).toArray();
				Progress tracker = new Progress(table.name, rows, progress);
				table.generate(table.newContext(), 0, rows, (row, values) -> {
					for (int i = 0; i < sources.length; i++) {
						encoder.value(values[sources[i]]);
					}
					encoder.endRow();
					tracker.row(row + 1);
				});
				encoder.flush();
			}
			catch (Exception e) {
				pipe.fail(e);
				throw new IllegalStateException(e);
			}
			return null;
		});
		SQLException loadFailure = null;
		try (InputStream in = pipe.in()) {
			loader.load(connection, table.table, columns.stream().map(c -> c.name).toList(), in);
		}
		catch (SQLException e) {
			loadFailure = e;
		}
		catch (IOException e) {
			loadFailure = new SQLException("loading " + table.name + " failed: " + e.getMessage(), e);
		}
		try {
			producer.get();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new SQLException("interrupted while seeding " + table.name, e);
		}
		catch (ExecutionException e) {
			// The generator failing is the cause; the database only saw its input end early.
			Throwable cause = e.getCause().getCause() == null ? e.getCause() : e.getCause().getCause();
			if (loadFailure == null || !(cause instanceof IOException)) {
				SQLException failure = LoadFailure.generation(table, cause);
				if (loadFailure != null) {
					failure.addSuppressed(loadFailure);
				}
				throw failure;
			}
		}
		if (loadFailure != null) {
			throw LoadFailure.generated(table, loadFailure);
		}
		return rows;
	}

	/** Fixture rows are hashed before masking, so that the lock does not depend on the masking key. */
	private long fixture(FixturePlan fixture, SchemaModel.Table table, MessageDigest digest) throws SQLException {
		digest.update(("fixture " + fixture.file() + " " + fixture.masks() + "\n").getBytes(StandardCharsets.UTF_8));
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		try {
			int width = fixture.columns().size();
			RowEncoder encoder = new RowEncoder(bytes, loader, Optional.empty(), new int[width], new boolean[width]);
			StringBuilder raw = new StringBuilder();
			for (List<Optional<String>> row : fixture.rows()) {
				raw.setLength(0);
				for (int i = 0; i < width; i++) {
					String column = fixture.columns().get(i);
					Optional<String> value = row.get(i);
					raw.append(i == 0 ? "" : "\t").append(value.orElse("\\N"));
					Optional<String> masked = fixture.masks().containsKey(column)
							? masker.mask(fixture.masks().get(column), value) : value;
					encoder.value(masked.orElse(null));
				}
				encoder.endRow();
				digest.update(raw.append('\n').toString().getBytes(StandardCharsets.UTF_8));
			}
			encoder.flush();
		}
		catch (IOException e) {
			throw new SQLException(e);
		}
		try {
			loader.load(connection, table, fixture.columns(), new java.io.ByteArrayInputStream(bytes.toByteArray()));
		}
		catch (SQLException e) {
			throw LoadFailure.fixture(fixture, e);
		}
		return fixture.rows().size();
	}

	/** Sets foreign keys that were loaded as NULL because their parents came later; values are computed again. */
	private void setDeferred(TablePlan table) throws SQLException {
		List<String> key = table.table.primaryKey();
		Map<String, ColumnPlan> byName = new LinkedHashMap<>();
		table.columns.forEach(c -> byName.put(c.name, c));
		if (key.isEmpty() || !byName.keySet().containsAll(key)) {
			throw new SQLException("cannot set the deferred columns " + table.deferred + " of " + table.name
					+ ": its primary key " + key + " has no rules");
		}
		List<String> deferred = new ArrayList<>(table.deferred);
		String sql = "UPDATE " + loader.quote(table.table.name()) + " SET "
				+ deferred.stream().map(c -> loader.quote(c) + " = ?").collect(Collectors.joining(", ")) + " WHERE "
				+ key.stream().map(c -> loader.quote(c) + " = ?").collect(Collectors.joining(" AND "));
		try (PreparedStatement update = connection.prepareStatement(sql)) {
			int[] pending = { 0 };
			table.generate(table.newContext(), 0, table.rows(), (row, values) -> {
				int p = 1;
				for (String column : deferred) {
					update.setObject(p++, values[byName.get(column).index]);
				}
				for (String column : key) {
					update.setObject(p++, values[byName.get(column).index]);
				}
				update.addBatch();
				if (++pending[0] == 1000) {
					update.executeBatch();
					pending[0] = 0;
				}
			});
			if (pending[0] > 0) {
				update.executeBatch();
			}
		}
		catch (SQLException e) {
			throw LoadFailure.generated(table, e);
		}
		catch (Exception e) {
			throw new SQLException(e);
		}
	}

	/** Moves identity and auto-increment counters of {@code tables} past the loaded keys. */
	public void resetCounters(Plan plan, Set<String> tables) throws SQLException {
		for (TablePlan table : plan.tables()) {
			if (!tables.contains(table.name)) {
				continue;
			}
			Set<String> given = new LinkedHashSet<>();
			table.columns.forEach(c -> given.add(c.name));
			plan.fixtures().stream().filter(f -> f.table().equals(table.name)).forEach(f -> given.addAll(f.columns()));
			List<String> counters = table.table.columns().values().stream()
				.filter(c -> c.identity() && given.contains(c.name())).map(SchemaModel.Column::name).toList();
			if (!counters.isEmpty()) {
				loader.resetCounters(connection, table.table, counters);
			}
		}
	}
}
