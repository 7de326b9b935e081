package dev.dbparity.cache;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import dev.dbparity.runtime.ConfigurationNames;

/**
 * {@code TemplateCache} keeps prepared data directories across runs, one entry per {@link CacheKey}.
 *
 * <p>An entry is a directory named by the key's hash holding {@code data/} (the data directory, taken from a stopped
 * server), {@code manifest.txt} (every directory, and every file with its size and CRC-32C) and
 * {@code entry.properties} (the key's parts, the manifest's own checksum, the entry's size). It is written under a
 * temporary name and renamed into place, so a reader sees a whole entry or none; a restore checks every file against
 * the manifest while it copies, and an entry that does not match (truncated, edited) is said once and rebuilt.
 *
 * <p>Concurrent runs share the cache: readers hold a shared lock on {@code <hash>.lock}, a builder an exclusive one, so
 * that of two runs needing the same missing entry one builds it while the other waits and then restores it. Least
 * recently restored entries are evicted once the cache exceeds its size bound.
 *
 * <p>A cache directory that cannot be used (read-only, full, not a directory) never fails a run: the first failure is
 * said once, and the run goes on without the cache.
 *
 * <p>Internal: may change in any minor release.
 */
// "try": a lock is held by its try-with-resources block without being referenced in it.
@SuppressWarnings("try")
public final class TemplateCache {

	public static final String DATA = "data";
	private static final String ENTRY = "entry.properties";
	private static final String MANIFEST = "manifest.txt";
	private static final String LOCK_SUFFIX = ".lock";
	private static final String PARTIAL = ".partial-";
	private static final String TRASH = ".trash-";
	/** Locks within this JVM: a file lock is held by the whole JVM, so threads take turns first. */
	private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

	private final Optional<Path> root;
	private final long maxBytes;
	private final Consumer<String> warnings;
	private final Set<String> said = ConcurrentHashMap.newKeySet();
	private volatile boolean usable = true;

	private TemplateCache(Optional<Path> root, long maxBytes, Consumer<String> warnings) {
		this.root = root;
		this.maxBytes = maxBytes;
		this.warnings = warnings;
	}

	/** A cache as {@code settings} describe it; {@code warnings} hears each problem once. */
	public static TemplateCache of(CacheSettings settings, Consumer<String> warnings) {
		return new TemplateCache(settings.enabled() ? Optional.of(settings.directory()) : Optional.empty(),
				settings.maxBytes(), warnings);
	}

	/** No cache: every template is built. */
	public static TemplateCache disabled() {
		return new TemplateCache(Optional.empty(), 0, warning -> {
		});
	}

	/** Whether entries may be restored and stored in this run. */
	public boolean enabled() {
		return root.isPresent() && usable;
	}

	/** Where the entries are, when the cache is on. */
	public Optional<Path> directory() {
		return root;
	}

	/** How a {@link #restoreOrBuild} went. */
	public enum Outcome {
		/** Copied from the cache. */
		RESTORED,
		/** Built, and now in the cache. */
		BUILT,
		/** Built; the cache is off or could not take it. */
		BUILT_UNCACHED
	}

	/** Builds a data directory into {@code target}, leaving it consistent (its server stopped). */
	@FunctionalInterface
	public interface Build {

		void into(Path target) throws Exception;
	}

	/**
	 * Fills the empty directory {@code target} with the entry for {@code key}, or, when there is none (or none intact),
	 * runs {@code build} on it and stores the result. Of several runs needing the same missing entry, one builds while
	 * the others wait for it and then restore it.
	 *
	 * @param keep which files of {@code target} (relative paths) belong in the entry: not a server's pid or lock files
	 * @throws RuntimeException whatever {@code build} throws; the cache's own failures are warnings
	 */
	public Outcome restoreOrBuild(CacheKey key, Path target, Predicate<Path> keep, Build build) {
		if (!enabled()) {
			run(build, target);
			return Outcome.BUILT_UNCACHED;
		}
		try (KeyLock lock = lock(key, true)) {
			if (restoreLocked(key, target)) {
				return Outcome.RESTORED;
			}
		}
		catch (IOException | UncheckedIOException e) {
			return unusable(e, build, target);
		}
		try (KeyLock lock = lock(key, false)) {
			// Another run may have built it while this one waited for the lock.
			if (restoreLocked(key, target)) {
				return Outcome.RESTORED;
			}
			sweepPartials(key);
			run(build, target);
			return storeLocked(key, target, keep) ? Outcome.BUILT : Outcome.BUILT_UNCACHED;
		}
		catch (IOException | UncheckedIOException e) {
			return unusable(e, build, target);
		}
	}

	/** Fills the empty directory {@code target} with the intact entry for {@code key}, if there is one. */
	public boolean restore(CacheKey key, Path target) {
		if (!enabled()) {
			return false;
		}
		try (KeyLock lock = lock(key, true)) {
			return restoreLocked(key, target);
		}
		catch (IOException | UncheckedIOException e) {
			warnUnusable(e);
			return false;
		}
	}

	/** Stores {@code source} (a consistent data directory) as the entry for {@code key}, replacing any. */
	public boolean store(CacheKey key, Path source, Predicate<Path> keep) {
		if (!enabled()) {
			return false;
		}
		try (KeyLock lock = lock(key, false)) {
			sweepPartials(key);
			return storeLocked(key, source, keep);
		}
		catch (IOException | UncheckedIOException e) {
			warnUnusable(e);
			return false;
		}
	}

	private Outcome unusable(Exception e, Build build, Path target) {
		warnUnusable(e);
		clearQuietly(target);
		run(build, target);
		return Outcome.BUILT_UNCACHED;
	}

	private static void run(Build build, Path target) {
		try {
			build.into(target);
		}
		catch (RuntimeException e) {
			throw e;
		}
		catch (Exception e) {
			throw new IllegalStateException(e.getMessage(), e);
		}
	}

	// --- restore ---------------------------------------------------------------------------------------------------

	private boolean restoreLocked(CacheKey key, Path target) throws IOException {
		Path entry = entry(key);
		Path properties = entry.resolve(ENTRY);
		if (!Files.isRegularFile(properties)) {
			return false;
		}
		Optional<String> damage = copyChecked(entry, target);
		if (damage.isPresent()) {
			clearQuietly(target);
			say("dbparity: warning: the template cache entry " + entry + " (" + key.kind() + ") is damaged: "
					+ damage.get() + ". It is not used; this run builds it again and replaces it. Fix: nothing to do; if "
					+ "it happens again, check the disk, or clear the cache by deleting " + root.orElseThrow() + ".");
			return false;
		}
		// Least recently used goes first when the cache is full.
		Files.setLastModifiedTime(properties, FileTime.from(Instant.now()));
		return true;
	}

	/** Copies the entry's data into {@code target}, checking each file as it goes; what is wrong, if anything. */
	private static Optional<String> copyChecked(Path entry, Path target) throws IOException {
		Properties properties = readProperties(entry.resolve(ENTRY));
		byte[] manifest;
		try {
			manifest = Files.readAllBytes(entry.resolve(MANIFEST));
		}
		catch (NoSuchFileException e) {
			return Optional.of(MANIFEST + " is missing");
		}
		if (!Long.toHexString(crc(manifest)).equals(properties.getProperty("manifest.crc32c"))) {
			return Optional.of(MANIFEST + " differs from its checksum");
		}
		Path data = entry.resolve(DATA);
		Files.createDirectories(target);
		for (String line : new String(manifest, StandardCharsets.UTF_8).split("\n")) {
			if (line.isEmpty()) {
				continue;
			}
			String[] fields = line.split("\t");
			Path relative = Path.of(fields[1]);
			if (fields[0].equals("d")) {
				Files.createDirectories(target.resolve(relative));
				continue;
			}
			long size = Long.parseLong(fields[2]);
			Path source = data.resolve(relative);
			if (!Files.isRegularFile(source)) {
				return Optional.of(DATA + "/" + relative + " is missing");
			}
			if (Files.size(source) != size) {
				return Optional.of(DATA + "/" + relative + " has " + Files.size(source) + " bytes, not " + size
						+ " (truncated or changed)");
			}
			long crc = copy(source, target.resolve(relative));
			if (!Long.toHexString(crc).equals(fields[3])) {
				return Optional.of(DATA + "/" + relative + " differs from its checksum (changed on disk)");
			}
		}
		ownerOnly(target);
		return Optional.empty();
	}

	// --- store -----------------------------------------------------------------------------------------------------

	private boolean storeLocked(CacheKey key, Path source, Predicate<Path> keep) {
		Path root = this.root.orElseThrow();
		Path partial = root.resolve(key.hash() + PARTIAL + UUID.randomUUID().toString().substring(0, 8));
		try {
			Files.createDirectories(partial.resolve(DATA));
			StringBuilder manifest = new StringBuilder();
			long[] bytes = { 0 };
			Files.walkFileTree(source, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) throws IOException {
					Path relative = source.relativize(directory);
					if (!relative.toString().isEmpty()) {
						if (!keep.test(relative)) {
							return FileVisitResult.SKIP_SUBTREE;
						}
						Files.createDirectories(partial.resolve(DATA).resolve(relative));
						manifest.append("d\t").append(relative).append('\n');
					}
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
					Path relative = source.relativize(file);
					if (keep.test(relative) && attributes.isRegularFile()) {
						long crc = copy(file, partial.resolve(DATA).resolve(relative));
						manifest.append("f\t").append(relative).append('\t').append(attributes.size()).append('\t')
							.append(Long.toHexString(crc)).append('\n');
						bytes[0] += attributes.size();
					}
					return FileVisitResult.CONTINUE;
				}
			});
			byte[] manifestBytes = manifest.toString().getBytes(StandardCharsets.UTF_8);
			Files.write(partial.resolve(MANIFEST), manifestBytes);
			Properties properties = new Properties();
			properties.setProperty("key", key.canonical());
			properties.setProperty("bytes", Long.toString(bytes[0]));
			properties.setProperty("manifest.crc32c", Long.toHexString(crc(manifestBytes)));
			try (OutputStream out = Files.newOutputStream(partial.resolve(ENTRY))) {
				properties.store(out, "dbparity template cache entry: delete the directory to drop it");
			}
			Path entry = entry(key);
			if (Files.exists(entry)) {
				// A damaged entry being replaced: out of the way first, so the rename below lands whole.
				Path trash = root.resolve(key.hash() + TRASH + UUID.randomUUID().toString().substring(0, 8));
				Files.move(entry, trash, StandardCopyOption.ATOMIC_MOVE);
				deleteRecursively(trash);
			}
			Files.move(partial, entry, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException | UncheckedIOException e) {
			try {
				deleteRecursively(partial);
			}
			catch (IOException | UncheckedIOException again) {
				// Swept by the next build of this key, which holds the lock.
			}
			warnUnusable(e);
			return false;
		}
		evict(key);
		return true;
	}

	/** What a killed run left half-written for this key: nobody else writes it while the exclusive lock is held. */
	private void sweepPartials(CacheKey key) throws IOException {
		try (DirectoryStream<Path> partials = Files.newDirectoryStream(root.orElseThrow(), key.hash() + PARTIAL + "*")) {
			for (Path partial : partials) {
				deleteRecursively(partial);
			}
		}
	}

	// --- eviction, listing, clearing -------------------------------------------------------------------------------

	/** An entry as {@code dbparity cache list} shows it. */
	public record EntryInfo(String name, long bytes, Instant lastUsed, String key) {
	}

	/** The complete entries, most recently used first. */
	public List<EntryInfo> list() {
		List<EntryInfo> entries = new ArrayList<>();
		if (root.isEmpty() || !Files.isDirectory(root.get())) {
			return entries;
		}
		try (DirectoryStream<Path> children = Files.newDirectoryStream(root.get())) {
			for (Path child : children) {
				Path properties = child.resolve(ENTRY);
				String name = child.getFileName().toString();
				if (Files.isRegularFile(properties) && !name.contains(PARTIAL) && !name.contains(TRASH)) {
					Properties read = readProperties(properties);
					entries.add(new EntryInfo(name, Long.parseLong(read.getProperty("bytes", "0")),
							Files.getLastModifiedTime(properties).toInstant(), read.getProperty("key", "")));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not list the template cache " + root.get() + ": " + e.getMessage(), e);
		}
		entries.sort(Comparator.comparing(EntryInfo::lastUsed).reversed());
		return entries;
	}

	/**
	 * Removes every entry no run is using now, and what killed runs left; entries in use stay.
	 *
	 * @return how many entries were removed
	 */
	public int clear() {
		int removed = 0;
		for (EntryInfo entry : list()) {
			if (removeIfUnused(entry.name())) {
				removed++;
			}
		}
		removeLeftovers();
		return removed;
	}

	/** Half-written and half-deleted entries of killed runs, whose key no run holds now. */
	private void removeLeftovers() {
		Path root = this.root.orElseThrow();
		if (!Files.isDirectory(root)) {
			return;
		}
		try (DirectoryStream<Path> children = Files.newDirectoryStream(root, "*{" + PARTIAL + "," + TRASH + "}*")) {
			for (Path child : children) {
				String name = child.getFileName().toString();
				String hash = name.substring(0, name.indexOf(name.contains(PARTIAL) ? PARTIAL : TRASH));
				withUnusedKey(hash, () -> deleteRecursively(child));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not clear the template cache " + root + ": " + e.getMessage(), e);
		}
	}

	private void evict(CacheKey kept) {
		List<EntryInfo> entries = list();
		long total = entries.stream().mapToLong(EntryInfo::bytes).sum();
		for (int i = entries.size() - 1; i >= 0 && total > maxBytes; i--) {
			EntryInfo entry = entries.get(i);
			if (!entry.name().equals(kept.hash()) && removeIfUnused(entry.name())) {
				total -= entry.bytes();
			}
		}
	}

	/** Removes the entry {@code name} unless another run holds its lock (restoring or building it). */
	private boolean removeIfUnused(String name) {
		Path root = this.root.orElseThrow();
		return withUnusedKey(name, () -> {
			Path trash = root.resolve(name + TRASH + UUID.randomUUID().toString().substring(0, 8));
			Files.move(root.resolve(name), trash, StandardCopyOption.ATOMIC_MOVE);
			deleteRecursively(trash);
		});
	}

	/** Runs {@code action} holding the exclusive lock of {@code hash}, if no run holds it now. */
	private boolean withUnusedKey(String hash, IoAction action) {
		Path lockFile = root.orElseThrow().resolve(hash + LOCK_SUFFIX);
		ReentrantLock jvm = JVM_LOCKS.computeIfAbsent(lockFile.toAbsolutePath(), path -> new ReentrantLock());
		if (!jvm.tryLock()) {
			return false;
		}
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
			FileLock lock = channel.tryLock();
			if (lock == null) {
				return false;
			}
			action.run();
			return true;
		}
		catch (IOException e) {
			return false;
		}
		finally {
			jvm.unlock();
		}
	}

	@FunctionalInterface
	private interface IoAction {

		void run() throws IOException;
	}

	// --- locks -----------------------------------------------------------------------------------------------------

	private KeyLock lock(CacheKey key, boolean shared) throws IOException {
		Path root = this.root.orElseThrow();
		Files.createDirectories(root);
		Path lockFile = root.resolve(key.hash() + LOCK_SUFFIX);
		ReentrantLock jvm = JVM_LOCKS.computeIfAbsent(lockFile.toAbsolutePath(), path -> new ReentrantLock());
		jvm.lock();
		FileChannel channel = null;
		try {
			channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
					StandardOpenOption.WRITE);
			channel.lock(0, Long.MAX_VALUE, shared);
			return new KeyLock(jvm, channel);
		}
		catch (IOException | RuntimeException e) {
			if (channel != null) {
				channel.close();
			}
			jvm.unlock();
			throw e;
		}
	}

	/** A lock on one key, within the JVM and across processes; the file lock goes with the channel. */
	private record KeyLock(ReentrantLock jvm, FileChannel channel) implements AutoCloseable {

		@Override
		public void close() throws IOException {
			try {
				channel.close();
			}
			finally {
				jvm.unlock();
			}
		}
	}

	// --- files -----------------------------------------------------------------------------------------------------

	private Path entry(CacheKey key) {
		return root.orElseThrow().resolve(key.hash());
	}

	private void warnUnusable(Exception e) {
		usable = false;
		say("dbparity: warning: the template cache " + root.orElseThrow() + " cannot be used (" + describe(e)
				+ "); this run goes on without it, preparing every template itself. Fix: make it a writable directory "
				+ "with free space, point " + ConfigurationNames.CACHE_DIR + " at one, or turn the cache off with "
				+ ConfigurationNames.CACHE + "=false.");
	}

	private static String describe(Exception e) {
		Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
	}

	/** Says {@code warning} once per run. */
	private void say(String warning) {
		if (said.add(warning.replaceAll("\\(.*\\)", ""))) {
			warnings.accept(warning);
		}
	}

	/** Copies {@code source} to {@code target}, returning the CRC-32C of what was copied. */
	private static long copy(Path source, Path target) throws IOException {
		CRC32C crc = new CRC32C();
		byte[] buffer = new byte[1 << 16];
		try (InputStream in = Files.newInputStream(source); OutputStream out = Files.newOutputStream(target)) {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				crc.update(buffer, 0, read);
				out.write(buffer, 0, read);
			}
		}
		return crc.getValue();
	}

	private static long crc(byte[] bytes) {
		CRC32C crc = new CRC32C();
		crc.update(bytes);
		return crc.getValue();
	}

	private static Properties readProperties(Path file) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
			properties.load(reader);
		}
		return properties;
	}

	/** PostgreSQL refuses a data directory others may read. */
	private static void ownerOnly(Path directory) throws IOException {
		try {
			Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
		}
		catch (UnsupportedOperationException e) {
			// Not a POSIX file system (Windows): nothing to restrict.
		}
	}

	private static void clearQuietly(Path directory) {
		try {
			if (Files.isDirectory(directory)) {
				try (Stream<Path> children = Files.list(directory)) {
					for (Path child : children.toList()) {
						deleteRecursively(child);
					}
				}
			}
		}
		catch (IOException | UncheckedIOException e) {
			// Left for the data directory's own clean-up, which deletes it with the run.
		}
	}

	static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}
}
