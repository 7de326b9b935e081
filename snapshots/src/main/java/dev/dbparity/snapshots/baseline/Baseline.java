package dev.dbparity.snapshots.baseline;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.json.CanonicalJson;
import dev.dbparity.snapshots.statistics.StatisticsSnapshot;

/**
 * {@code Baseline} is a committed baseline directory: {@code manifest.json}, {@code schema.json} and, optionally,
 * {@code statistics.json}, captured from production or written by update mode. A baseline has statistics when its
 * manifest lists {@code statistics.json}; the manifest then also records how they were captured.
 *
 * <p>Reading verifies every file against the manifest's sha256. Writing is atomic per file (a temporary file renamed
 * over the old one), and the manifest is written last: a process killed half-way never leaves a half-written file, and
 * the next read reports the files that no longer match the manifest instead of comparing against a mixed baseline.
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
	 * Reads and verifies the baseline in {@code directory}.
	 *
	 * @throws BaselineException for a missing directory or file, or a file whose sha256 does not match the manifest
	 * @throws dev.dbparity.snapshots.json.InvalidJsonException for a corrupted file, with the JSON position
	 * @throws dev.dbparity.snapshots.UnsupportedFormatException for a format newer than this dbparity reads
	 */
	public static Baseline read(Path directory) {
		if (!Files.isDirectory(directory)) {
			throw new BaselineException("Baseline directory " + directory.toAbsolutePath() + " does not exist. Capture "
					+ "one from production with `dbparity capture --url <jdbc-url> --out " + directory + "`, or create it "
					+ "from the test database by running the test once with -Ddbparity.baseline.update=true (refused "
					+ "when CI=true).");
		}
		Path manifestFile = directory.resolve(MANIFEST);
		Manifest manifest = Manifest.fromTree(CanonicalJson.read(readFile(manifestFile), manifestFile.toString()),
				manifestFile.toString());
		if (!manifest.files().containsKey(SCHEMA)) {
			throw new BaselineException(manifestFile + " lists no " + SCHEMA + ": the baseline is incomplete. Capture "
					+ "it again.");
		}
		for (Map.Entry<String, String> file : manifest.files().entrySet()) {
			Path path = directory.resolve(file.getKey());
			String actual = sha256(readFile(path));
			if (!actual.equals(file.getValue())) {
				throw new BaselineException(path + " has " + actual + ", but " + MANIFEST + " records " + file.getValue()
						+ ": the file was edited or truncated after it was captured. Restore it from version control, "
						+ "or capture the baseline again; never edit a baseline by hand.");
			}
		}
		Path schemaFile = directory.resolve(SCHEMA);
		Optional<StatisticsSnapshot> statistics = Optional.empty();
		if (manifest.files().containsKey(STATISTICS)) {
			Path statisticsFile = directory.resolve(STATISTICS);
			statistics = Optional.of(StatisticsSnapshot.fromJson(readFile(statisticsFile), statisticsFile.toString()));
		}
		return new Baseline(directory, manifest, SchemaSnapshot.fromJson(readFile(schemaFile), schemaFile.toString()),
				statistics);
	}

	/**
	 * Writes {@code schema} and its manifest to {@code directory}, creating it if needed: a baseline without
	 * statistics. A {@code statistics.json} already there is left alone but no longer listed, so it is no longer read.
	 *
	 * @param manifest the manifest to write; its {@code files} are replaced by the sha256 of what is written
	 */
	public static Baseline write(Path directory, Manifest manifest, SchemaSnapshot schema) {
		return write(directory, manifest, schema, Optional.empty());
	}

	/**
	 * Writes {@code schema}, {@code statistics} when present, and their manifest to {@code directory}, creating it if
	 * needed.
	 *
	 * @param manifest the manifest to write; its {@code files} are replaced by the sha256 of what is written, and its
	 *     statistics mode and sample fraction by those of {@code statistics}
	 */
	public static Baseline write(Path directory, Manifest manifest, SchemaSnapshot schema,
			Optional<StatisticsSnapshot> statistics) {
		byte[] schemaBytes = schema.toCanonicalJson();
		Optional<byte[]> statisticsBytes = statistics.map(StatisticsSnapshot::toCanonicalJson);
		Map<String, String> files = new LinkedHashMap<>();
		files.put(SCHEMA, sha256(schemaBytes));
		statisticsBytes.ifPresent(bytes -> files.put(STATISTICS, sha256(bytes)));
		Manifest complete = manifest.withFiles(files).withStatistics(statistics.map(s -> s.mode().id()),
				statistics.flatMap(StatisticsSnapshot::sampleFraction));
		try {
			Files.createDirectories(directory);
			writeAtomically(directory.resolve(SCHEMA), schemaBytes);
			if (statisticsBytes.isPresent()) {
				writeAtomically(directory.resolve(STATISTICS), statisticsBytes.get());
				Files.deleteIfExists(directory.resolve(STATISTICS_ACTUAL));
			}
			writeAtomically(directory.resolve(MANIFEST), CanonicalJson.write(complete.toTree()));
			Files.deleteIfExists(directory.resolve(SCHEMA_ACTUAL));
		}
		catch (IOException e) {
			throw new BaselineException("Could not write the baseline to " + directory + ": " + e.getMessage(), e);
		}
		return new Baseline(directory, complete, schema, statistics);
	}

	/** Writes {@code schema.actual.json} beside the baseline, for review after a mismatch; returns its path. */
	public Path writeActual(SchemaSnapshot actual) {
		Path file = directory.resolve(SCHEMA_ACTUAL);
		try {
			writeAtomically(file, actual.toCanonicalJson());
		}
		catch (IOException e) {
			throw new BaselineException("Could not write " + file + ": " + e.getMessage(), e);
		}
		return file;
	}

	/** Writes {@code statistics.actual.json} beside the baseline, for review after a mismatch; returns its path. */
	public Path writeActual(StatisticsSnapshot actual) {
		Path file = directory.resolve(STATISTICS_ACTUAL);
		try {
			writeAtomically(file, actual.toCanonicalJson());
		}
		catch (IOException e) {
			throw new BaselineException("Could not write " + file + ": " + e.getMessage(), e);
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

	private static void writeAtomically(Path target, byte[] bytes) throws IOException {
		Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
		try {
			Files.write(temporary, bytes);
			if (Files.getFileStore(temporary).supportsFileAttributeView(PosixFileAttributeView.class)) {
				// A temporary file is private (rw-------); a baseline is shared like any other file of the repository.
				Files.setPosixFilePermissions(temporary, Files.exists(target) ? Files.getPosixFilePermissions(target)
						: PosixFilePermissions.fromString("rw-r--r--"));
			}
			try {
				Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException e) {
				Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}
}
