package dev.dbparity.snapshots.baseline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.atomic.AtomicFiles;
import dev.dbparity.snapshots.json.CanonicalJson;
import dev.dbparity.snapshots.statistics.StatisticsSnapshot;

/**
 * {@code Baseline} is a committed baseline directory: {@code manifest.json}, {@code schema.json} and, optionally,
 * {@code statistics.json}, captured from production or written by update mode. A baseline has statistics when its
 * manifest lists {@code statistics.json}; the manifest then also records how they were captured.
 *
 * <p>Reading verifies the manifest against its own field checksums, every file against the manifest's sha256, and the
 * manifest's engine against the files'. Writing replaces the whole directory atomically ({@link AtomicFiles}): a process
 * killed at any instant leaves the complete old or the complete new baseline, and the next read or write repairs and
 * removes what the interrupted write left, saying so.
 *
 * @since 0.1
 */
public record Baseline(Path directory, Manifest manifest, SchemaSnapshot schema,
		Optional<StatisticsSnapshot> statistics) {

	public static final String MANIFEST = "manifest.json";
	public static final String SCHEMA = "schema.json";
	public static final String SCHEMA_ACTUAL = "schema.actual.json";
	public static final String STATISTICS = "statistics.json";
	public static final String STATISTICS_ACTUAL = "statistics.actual.json";

	private static final System.Logger LOG = System.getLogger(Baseline.class.getName());

	/** Where repairs are told by default: a warning, since the user may want to look at the baseline's history. */
	private static final Consumer<String> WARN = note -> LOG.log(System.Logger.Level.WARNING, "dbparity: " + note);

	public Baseline {
		Objects.requireNonNull(directory, "directory");
		Objects.requireNonNull(manifest, "manifest");
		Objects.requireNonNull(schema, "schema");
		Objects.requireNonNull(statistics, "statistics");
	}

	/** A baseline without statistics. */
	public Baseline(Path directory, Manifest manifest, SchemaSnapshot schema) {
		this(directory, manifest, schema, Optional.empty());
	}

	/**
	 * Reads and verifies the baseline in {@code directory}, first repairing what an interrupted write left (logged as a
	 * warning).
	 *
	 * @throws BaselineException for a missing directory or file, a file whose sha256 does not match the manifest, an
	 *     edited manifest, or a manifest whose engine is not its files'
	 * @throws dev.dbparity.snapshots.json.InvalidJsonException for a corrupted file, with the JSON position
	 * @throws dev.dbparity.snapshots.UnsupportedFormatException for a format this dbparity does not read
	 */
	public static Baseline read(Path directory) {
		return read(directory, WARN);
	}

	/**
	 * {@link #read(Path)}, telling {@code repairs} what was repaired, one line each.
	 */
	public static Baseline read(Path directory, Consumer<String> repairs) {
		// Repair and read under one lock: a parallel update of the same baseline is never seen half done.
		return AtomicFiles.exclusively(directory, () -> repairedAndVerified(directory, repairs));
	}

	private static Baseline repairedAndVerified(Path directory, Consumer<String> repairs) {
		repair(directory, repairs);
		if (Files.exists(directory) && !Files.isDirectory(directory)) {
			throw new BaselineException("Baseline " + directory.toAbsolutePath() + " is a file, not a directory: a "
					+ "baseline is a directory holding " + MANIFEST + " and " + SCHEMA + ". Fix: point the baseline "
					+ "setting (@ParityDatabase(baseline = …), dbparity.baseline, --baseline) at the directory `dbparity "
					+ "capture --out` wrote.");
		}
		if (!Files.isDirectory(directory)) {
			throw new BaselineException("Baseline directory " + directory.toAbsolutePath() + " does not exist. Capture "
					+ "one from production with `dbparity capture --url <jdbc-url> --out " + directory + "`, or create it "
					+ "from the test database by running the test once with -Ddbparity.baseline.update=true (refused "
					+ "when CI=true).");
		}
		return verified(directory);
	}

	/**
	 * Whether there is a baseline in {@code directory} to read (its manifest exists), after repairing what an
	 * interrupted write left: a baseline whose write was killed while switching directories counts.
	 */
	public static boolean exists(Path directory) {
		return AtomicFiles.exclusively(directory, () -> {
			repair(directory, WARN);
			return Files.isRegularFile(directory.resolve(MANIFEST));
		});
	}

	/** Whether {@code directory} holds a complete baseline whose every file matches its manifest. */
	static boolean isComplete(Path directory) {
		try {
			verified(directory);
			return true;
		}
		catch (RuntimeException e) {
			return false;
		}
	}

	private static Baseline verified(Path directory) {
		Path manifestFile = directory.resolve(MANIFEST);
		Manifest manifest = Manifest.fromTree(CanonicalJson.read(readFile(manifestFile), manifestFile.toString()),
				manifestFile.toString());
		if (!manifest.files().containsKey(SCHEMA)) {
			throw new BaselineException(manifestFile + " lists no " + SCHEMA + ": the baseline is incomplete. Fix: "
					+ Manifest.RECAPTURE);
		}
		Map<String, byte[]> contents = new LinkedHashMap<>();
		for (Map.Entry<String, String> file : manifest.files().entrySet()) {
			Path path = directory.resolve(file.getKey());
			byte[] bytes = readFile(path);
			String actual = sha256(bytes);
			if (!actual.equals(file.getValue())) {
				if (file.getKey().equals(SCHEMA)) {
					checkEngine(manifest, manifestFile, engineOf(bytes), path);
				}
				throw new BaselineException(path + " has " + actual + ", but " + MANIFEST + " records " + file.getValue()
						+ ": the file was edited or truncated after it was captured. Restore it from version control, "
						+ "or capture the baseline again; never edit a baseline by hand.");
			}
			contents.put(file.getKey(), bytes);
		}
		Path schemaFile = directory.resolve(SCHEMA);
		SchemaSnapshot schema = SchemaSnapshot.fromJson(contents.get(SCHEMA), schemaFile.toString());
		checkEngine(manifest, manifestFile, Optional.of(schema.engine()), schemaFile);
		if (!manifest.engineVersion().equals(schema.serverVersion())) {
			throw new BaselineException(manifestFile + ": engine.version is " + manifest.engineVersion() + ", but "
					+ schemaFile + " was captured from " + schema.engine() + " " + schema.serverVersion() + ": the two "
					+ "files come from different captures. Fix: " + Manifest.RECAPTURE);
		}
		Optional<StatisticsSnapshot> statistics = Optional.empty();
		if (contents.containsKey(STATISTICS)) {
			Path statisticsFile = directory.resolve(STATISTICS);
			statistics = Optional.of(StatisticsSnapshot.fromJson(contents.get(STATISTICS), statisticsFile.toString()));
			checkEngine(manifest, manifestFile, Optional.of(statistics.get().engine()), statisticsFile);
		}
		return new Baseline(directory, manifest, schema, statistics);
	}

	/** The engine {@code schema.json} names, if it can be read at all: to explain a file copied from another baseline. */
	private static Optional<String> engineOf(byte[] schema) {
		try {
			return Optional.of(CanonicalJson.read(schema, SCHEMA).path("engine").path("name").asText())
				.filter(name -> !name.isEmpty());
		}
		catch (RuntimeException e) {
			return Optional.empty();
		}
	}

	private static void checkEngine(Manifest manifest, Path manifestFile, Optional<String> fileEngine, Path file) {
		if (fileEngine.isPresent() && !fileEngine.get().equals(manifest.engine())) {
			throw new BaselineException(manifestFile + ": engine.name is " + manifest.engine() + ", but " + file
					+ " was captured from " + fileEngine.get() + ": the manifest and the file belong to different "
					+ "baselines (copied from another directory?). Fix: restore the directory from version control as a "
					+ "whole, or " + Manifest.RECAPTURE);
		}
	}

	/**
	 * Checks that this baseline was captured from {@code engine}, the engine it is about to be compared with.
	 *
	 * @param compared what the baseline is compared with, for the message, e.g. {@code the test database}
	 * @throws BaselineException when the engines differ: a baseline compares only with the engine it was captured from
	 */
	public void requireEngine(String engine, String compared) {
		if (!manifest.engine().equals(engine)) {
			throw new BaselineException("Baseline " + directory + " was captured from " + manifest.engine() + " "
					+ manifest.engineVersion() + " (" + directory.resolve(MANIFEST) + ": engine.name), but " + compared
					+ " is " + engine + ": a baseline compares only with the engine it was captured from, and every "
					+ "object would differ. Fix: run against " + manifest.engine() + " (@ParityDatabase(engine = …), or "
					+ "the URL you compare with), or use a baseline captured from " + engine + " (`dbparity capture "
					+ "--url <" + engine + "-jdbc-url> --out <dir>`).");
		}
	}

	/**
	 * Writes {@code schema} and its manifest to {@code directory}, creating it if needed: a baseline without
	 * statistics. A {@code statistics.json} already there is kept but no longer listed, so it is no longer read.
	 *
	 * @param manifest the manifest to write; its {@code files} are replaced by the sha256 of what is written
	 */
	public static Baseline write(Path directory, Manifest manifest, SchemaSnapshot schema) {
		return write(directory, manifest, schema, Optional.empty());
	}

	/**
	 * Replaces the baseline in {@code directory} with {@code schema}, {@code statistics} when present, and their
	 * manifest, atomically; other files in the directory are kept, except the {@code *.actual.json} the new files make
	 * obsolete.
	 *
	 * @param manifest the manifest to write; its {@code files} are replaced by the sha256 of what is written, and its
	 *     statistics mode and sample fraction by those of {@code statistics}
	 * @throws BaselineException when the manifest's engine is not the snapshots', or the directory cannot be written;
	 *     the directory is then unchanged
	 */
	public static Baseline write(Path directory, Manifest manifest, SchemaSnapshot schema,
			Optional<StatisticsSnapshot> statistics) {
		List<String> engines = statistics.map(stats -> List.of(schema.engine(), stats.engine()))
			.orElse(List.of(schema.engine()));
		if (engines.stream().anyMatch(engine -> !engine.equals(manifest.engine()))
				|| !manifest.engineVersion().equals(schema.serverVersion())) {
			throw new BaselineException("Cannot write the baseline " + directory + ": its manifest says engine "
					+ manifest.engine() + " " + manifest.engineVersion() + ", but the snapshots were captured from "
					+ String.join(" and ", engines) + " " + schema.serverVersion() + ". Nothing was written. Fix: build the Manifest from the snapshot "
					+ "(Manifest.of(schema, migrationVersion, source)).");
		}
		requireWritable(directory);
		byte[] schemaBytes = schema.toCanonicalJson();
		Optional<byte[]> statisticsBytes = statistics.map(StatisticsSnapshot::toCanonicalJson);
		Map<String, String> hashes = new LinkedHashMap<>();
		hashes.put(SCHEMA, sha256(schemaBytes));
		statisticsBytes.ifPresent(bytes -> hashes.put(STATISTICS, sha256(bytes)));
		Manifest complete = manifest.withFiles(hashes).withStatistics(statistics.map(s -> s.mode().id()),
				statistics.flatMap(StatisticsSnapshot::sampleFraction));
		Map<String, byte[]> files = new LinkedHashMap<>();
		files.put(SCHEMA, schemaBytes);
		statisticsBytes.ifPresent(bytes -> files.put(STATISTICS, bytes));
		// The manifest last: a staging directory is complete once it is there and every file matches it.
		files.put(MANIFEST, CanonicalJson.write(complete.toTree()));
		Set<String> obsolete = statistics.isPresent() ? Set.of(SCHEMA_ACTUAL, STATISTICS_ACTUAL) : Set.of(SCHEMA_ACTUAL);
		try {
			AtomicFiles.replaceDirectory(directory, files, obsolete, Baseline::isComplete)
				.forEach(note -> WARN.accept(repaired(note, true)));
		}
		catch (IOException e) {
			throw new BaselineException("Could not write the baseline to " + directory + ": " + e
					+ ". Nothing was changed. Fix: make " + directory.toAbsolutePath().getParent() + " writable, or "
					+ "write the baseline elsewhere.", e);
		}
		return new Baseline(directory, complete, schema, statistics);
	}

	/**
	 * Checks, cheaply, that a baseline can be written to {@code directory}: it is not a file and does not pass through
	 * one. Callers that capture first (minutes, on a big production) call it before capturing.
	 *
	 * @throws BaselineException naming the file in the way
	 */
	public static void requireWritable(Path directory) {
		Path absolute = directory.toAbsolutePath();
		if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
			throw new BaselineException("Cannot write the baseline to " + absolute + ": it is a file, not a directory. "
					+ "Nothing was written. Fix: give a directory path (--out parity/baseline/production), or move the "
					+ "file away.");
		}
		for (Path ancestor = absolute.getParent(); ancestor != null; ancestor = ancestor.getParent()) {
			if (Files.exists(ancestor)) {
				if (!Files.isDirectory(ancestor)) {
					throw new BaselineException("Cannot write the baseline to " + absolute + ": " + ancestor + " is a "
							+ "file, so no directory can be created below it. Nothing was written. Fix: give a directory "
							+ "path that does not pass through a file (--out parity/baseline/production).");
				}
				return;
			}
		}
	}

	/** Writes {@code schema.actual.json} beside the baseline, for review after a mismatch; returns its path. */
	public Path writeActual(SchemaSnapshot actual) {
		return writeBeside(SCHEMA_ACTUAL, actual.toCanonicalJson());
	}

	/** Writes {@code statistics.actual.json} beside the baseline, for review after a mismatch; returns its path. */
	public Path writeActual(StatisticsSnapshot actual) {
		return writeBeside(STATISTICS_ACTUAL, actual.toCanonicalJson());
	}

	private Path writeBeside(String name, byte[] bytes) {
		Path file = directory.resolve(name);
		try {
			AtomicFiles.writeFile(file, bytes);
		}
		catch (IOException e) {
			throw new BaselineException("Could not write " + file + ": " + e + ". Fix: make " + directory
					+ " writable.", e);
		}
		return file;
	}

	/** The migration version production was at when the baseline was captured. */
	public Optional<String> migrationVersion() {
		return manifest.migrationVersion();
	}

	/** {@code sha256:<hex>} of {@code bytes}. */
	public static String sha256(byte[] bytes) {
		try {
			return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every JDK has SHA-256", e);
		}
	}

	private static String repaired(String note, boolean complete) {
		return "repaired a baseline after an interrupted write: " + note + (complete ? ". Nothing to fix: the baseline "
				+ "is complete; review it with `git status` before committing." : ". The baseline was never complete: "
						+ "capture it again.");
	}

	private static void repair(Path directory, Consumer<String> repairs) {
		try {
			List<String> notes = AtomicFiles.repairDirectory(directory, Baseline::isComplete);
			boolean complete = Files.isDirectory(directory);
			notes.forEach(note -> repairs.accept(repaired(note, complete)));
		}
		catch (IOException e) {
			throw new BaselineException("Could not repair the baseline " + directory + " after an interrupted write: "
					+ e + ". Fix: make " + directory.toAbsolutePath().getParent() + " writable, or delete the "
					+ "directories named ." + directory.getFileName() + AtomicFiles.NEW_SUFFIX + " and ."
					+ directory.getFileName() + AtomicFiles.OLD_SUFFIX + " beside it.", e);
		}
	}

	private static byte[] readFile(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (NoSuchFileException e) {
			throw new BaselineException("Baseline file " + file + " is missing: the baseline is incomplete. Restore it "
					+ "from version control, or capture the baseline again.", e);
		}
		catch (IOException e) {
			throw new BaselineException("Could not read baseline file " + file + ": " + e.getMessage(), e);
		}
	}
}
