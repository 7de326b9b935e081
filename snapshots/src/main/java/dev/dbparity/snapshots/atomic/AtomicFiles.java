package dev.dbparity.snapshots.atomic;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * {@code AtomicFiles} is the one writer of the files dbparity commits: baseline directories, their {@code *.actual.json}
 * files, and {@code seed.lock.json}. For implementors of readers and writers of such files.
 *
 * <p>A directory is replaced as a whole: the new files are written into a sibling staging directory
 * {@code .<name>.dbparity-new}, each file and the staging directory are fsynced, the old directory is moved aside to
 * {@code .<name>.dbparity-old}, the staging directory is renamed into place, the parent is fsynced, and the old
 * directory is deleted. A single file is written to {@code .<name>.dbparity-new} beside it, fsynced, renamed over the
 * file, and the directory fsynced. After a crash at any instant the target is either the complete old or the complete
 * new content; {@link #repairDirectory} and {@link #repairFile}, run by every read and write, finish or undo what an
 * interrupted write left (a missing directory is restored from the complete sibling, the new one first) and delete the
 * leftovers, so that no staging directory or temporary file stays where {@code git add .} would pick it up.
 *
 * <p>Within a JVM, reads and writes of one target are serialised ({@link #exclusively}), so that parallel test classes
 * sharing a baseline never see each other's half-done work. Two processes writing the same target at the same time
 * are not supported: the last rename wins, and one may delete the other's staging directory.
 *
 * @since 0.1
 */
public final class AtomicFiles {

	/** The suffix of a staging directory or temporary file: {@code .<name>.dbparity-new}. */
	public static final String NEW_SUFFIX = ".dbparity-new";

	/** The suffix of a directory moved aside while its replacement is renamed into place. */
	public static final String OLD_SUFFIX = ".dbparity-old";

	private static final Set<PosixFilePermission> SHARED_FILE = PosixFilePermissions.fromString("rw-r--r--");

	private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT)
		.startsWith("windows");

	/**
	 * Told the name of each step of a write just before it runs; the crash tests halt the JVM at a chosen step. Not
	 * for production use: package-private, and a no-op unless a test sets it.
	 */
	static volatile Consumer<String> beforeStep = step -> {
	};

	/** One lock per target path: a writer and a reader of one baseline in parallel test classes take turns. */
	private static final ConcurrentMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

	private AtomicFiles() {
	}

	/** An action on a target that may throw {@code E}. */
	@FunctionalInterface
	public interface Action<T, E extends Exception> {
		T run() throws E;
	}

	/**
	 * Runs {@code action} while no other thread of this JVM reads or writes {@code target} through this class; a
	 * reader that repairs and then reads several files runs both under one call, so it never sees a write half done.
	 */
	public static <T, E extends Exception> T exclusively(Path target, Action<T, E> action) throws E {
		ReentrantLock lock = LOCKS.computeIfAbsent(target.toAbsolutePath().normalize(), path -> new ReentrantLock());
		lock.lock();
		try {
			return action.run();
		}
		finally {
			lock.unlock();
		}
	}

	/** The directory itself when it exists (a symbolic link is followed, not replaced), else its absolute path. */
	private static Path resolved(Path target) throws IOException {
		return Files.exists(target) ? target.toRealPath() : target.toAbsolutePath().normalize();
	}

	/** The staging directory or temporary file of {@code target}. */
	public static Path staging(Path target) {
		return sibling(target, NEW_SUFFIX);
	}

	/** Where {@code target} is moved aside while its replacement is renamed into place. */
	public static Path movedAside(Path target) {
		return sibling(target, OLD_SUFFIX);
	}

	private static Path sibling(Path target, String suffix) {
		Path absolute = target.toAbsolutePath();
		return absolute.resolveSibling("." + absolute.getFileName() + suffix);
	}

	/**
	 * Replaces {@code target} with {@code bytes} atomically and durably; a file that already exists keeps its
	 * permissions, a new one is {@code rw-r--r--}.
	 *
	 * @throws IOException when the file cannot be written; {@code target} is then unchanged
	 */
	public static void writeFile(Path target, byte[] bytes) throws IOException {
		exclusively(target, () -> {
			writeFileLocked(resolved(target), bytes);
			return null;
		});
	}

	private static void writeFileLocked(Path file, byte[] bytes) throws IOException {
		Files.createDirectories(file.getParent());
		repairFileLocked(file);
		Path temporary = staging(file);
		try {
			writeDurably(temporary, bytes, permissionsOf(file));
			step("rename " + temporary.getFileName() + " over " + file.getFileName());
			move(temporary, file);
			step("fsync " + file.getParent());
			fsyncDirectory(file.getParent());
		}
		finally {
			// Only a failed write gets here with the temporary file left; a crash leaves it to repairFile.
			Files.deleteIfExists(temporary);
		}
	}

	/**
	 * Reads a file {@link #writeFile} writes, after deleting the temporary file an interrupted write left beside it.
	 *
	 * @return the file's content, or empty when it does not exist
	 */
	public static Optional<byte[]> readFile(Path file) throws IOException {
		return exclusively(file, () -> {
			repairFile(file);
			try {
				return Optional.of(Files.readAllBytes(file));
			}
			catch (NoSuchFileException e) {
				return Optional.empty();
			}
		});
	}

	/**
	 * Deletes the temporary file an interrupted {@link #writeFile} left beside {@code target}; {@code target} itself is
	 * always complete.
	 *
	 * @return what was repaired, for the user to read; empty when there was nothing to do
	 */
	public static List<String> repairFile(Path target) throws IOException {
		return exclusively(target, () -> repairFileLocked(resolved(target)));
	}

	private static List<String> repairFileLocked(Path target) throws IOException {
		Path temporary = staging(target);
		if (Files.deleteIfExists(temporary)) {
			return List.of("removed " + temporary + ", left by a write of " + target.getFileName() + " that was "
					+ "interrupted; " + target.getFileName() + " is unchanged");
		}
		return List.of();
	}

	/**
	 * Replaces the directory {@code target} with one holding {@code files} (name to content, written in this order:
	 * put the file that marks the directory complete, such as a manifest, last) and every other file of the old
	 * directory except those named in {@code remove}.
	 *
	 * @param complete whether a directory holds a complete, verified content; used to repair an interrupted write
	 * @return what an earlier interrupted write had left and was repaired first
	 * @throws IOException when the directory cannot be written; {@code target} is then unchanged
	 */
	public static List<String> replaceDirectory(Path target, Map<String, byte[]> files, Set<String> remove,
			Predicate<Path> complete) throws IOException {
		return exclusively(target, () -> replaceDirectoryLocked(resolved(target), files, remove, complete));
	}

	private static List<String> replaceDirectoryLocked(Path directory, Map<String, byte[]> files, Set<String> remove,
			Predicate<Path> complete) throws IOException {
		Path parent = directory.getParent();
		Files.createDirectories(parent);
		List<String> repaired = repairDirectoryLocked(directory, complete);
		Path staging = staging(directory);
		Path old = movedAside(directory);
		boolean replacing = Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS);
		try {
			step("create " + staging.getFileName());
			Files.createDirectory(staging);
			if (replacing) {
				carryOver(directory, staging, files.keySet(), remove);
			}
			for (Map.Entry<String, byte[]> file : files.entrySet()) {
				Path existing = directory.resolve(file.getKey());
				writeDurably(staging.resolve(file.getKey()), file.getValue(),
						replacing ? permissionsOf(existing) : SHARED_FILE);
			}
			if (replacing) {
				// Last: a read-only directory's mode would have refused the files above.
				copyPermissions(directory, staging);
			}
			step("fsync " + staging.getFileName());
			fsyncDirectory(staging);
			if (replacing) {
				step("move " + directory.getFileName() + " aside to " + old.getFileName());
				move(directory, old);
			}
			step("rename " + staging.getFileName() + " to " + directory.getFileName());
			move(staging, directory);
		}
		catch (IOException | RuntimeException e) {
			// A failure (not a crash) before the switch: put back what was there and leave nothing behind.
			if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS) && Files.isDirectory(old)) {
				move(old, directory);
			}
			deleteTree(staging, false);
			throw e;
		}
		step("fsync " + parent);
		fsyncDirectory(parent);
		if (replacing) {
			deleteTree(old, true);
			step("fsync " + parent);
			fsyncDirectory(parent);
		}
		return repaired;
	}

	/**
	 * Finishes or undoes a {@link #replaceDirectory} of {@code target} that was interrupted: when {@code target} is
	 * missing, the staging directory takes its place if it is complete, else the directory moved aside does; the
	 * leftovers are deleted, and so are {@link #writeFile} temporary files inside {@code target}.
	 *
	 * @return what was repaired, for the user to read; empty when there was nothing to do
	 */
	public static List<String> repairDirectory(Path target, Predicate<Path> complete) throws IOException {
		return exclusively(target, () -> repairDirectoryLocked(resolved(target), complete));
	}

	private static List<String> repairDirectoryLocked(Path directory, Predicate<Path> complete) throws IOException {
		Path staging = staging(directory);
		Path old = movedAside(directory);
		List<String> repaired = new ArrayList<>();
		if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
			if (Files.isDirectory(staging) && complete.test(staging)) {
				move(staging, directory);
				repaired.add("restored " + directory + " from " + staging.getFileName() + ": a write was interrupted "
						+ "after the new content was complete, so the new content is kept");
			}
			else if (Files.isDirectory(old) && complete.test(old)) {
				move(old, directory);
				repaired.add("restored " + directory + " from " + old.getFileName() + ": a write was interrupted "
						+ "before the new content was complete, so the previous content is kept");
			}
		}
		for (Path leftover : List.of(staging, old)) {
			if (Files.exists(leftover, LinkOption.NOFOLLOW_LINKS)) {
				deleteTree(leftover, false);
				repaired.add("removed " + leftover + ", left by an interrupted write of " + directory.getFileName());
			}
		}
		if (Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
			try (Stream<Path> children = Files.list(directory)) {
				for (Path temporary : children.filter(AtomicFiles::isTemporary).toList()) {
					Files.deleteIfExists(temporary);
					repaired.add("removed " + temporary + ", left by an interrupted write");
				}
			}
		}
		if (!repaired.isEmpty()) {
			fsyncDirectory(directory.getParent());
		}
		return repaired;
	}

	private static boolean isTemporary(Path file) {
		String name = file.getFileName().toString();
		return name.startsWith(".") && name.endsWith(NEW_SUFFIX) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
	}

	/** Creates {@code file} (which must not exist), writes and fsyncs it: three steps, so a crash can leave each state. */
	private static void writeDurably(Path file, byte[] bytes, Set<PosixFilePermission> permissions) throws IOException {
		step("create " + file.getFileName());
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
			if (supportsPosix(file)) {
				Files.setPosixFilePermissions(file, permissions);
			}
			step("write " + file.getFileName());
			ByteBuffer buffer = ByteBuffer.wrap(bytes);
			while (buffer.hasRemaining()) {
				channel.write(buffer);
			}
			step("fsync " + file.getFileName());
			channel.force(true);
		}
	}

	/** Copies the files of {@code from} that are neither rewritten nor removed, with their permissions, durably. */
	private static void carryOver(Path from, Path to, Set<String> rewritten, Set<String> remove) throws IOException {
		List<Path> kept;
		try (Stream<Path> walk = Files.walk(from)) {
			kept = walk.filter(path -> !path.equals(from)).sorted().toList();
		}
		for (Path source : kept) {
			String relative = from.relativize(source).toString();
			if (rewritten.contains(relative) || remove.contains(relative) || isTemporary(source)) {
				continue;
			}
			Path copy = to.resolve(relative);
			step("copy " + relative);
			Files.copy(source, copy, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
			if (Files.isRegularFile(copy, LinkOption.NOFOLLOW_LINKS)) {
				step("fsync " + relative);
				// READ: a copied read-only file cannot be opened for writing, and fsync needs no write access.
				try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.READ)) {
					channel.force(true);
				}
			}
		}
	}

	/** Deletes {@code root} and everything below it, deepest first; {@code steps}: each deletion is a step. */
	private static void deleteTree(Path root, boolean steps) throws IOException {
		if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		List<Path> paths;
		try (Stream<Path> walk = Files.walk(root)) {
			paths = walk.sorted(Comparator.reverseOrder()).toList();
		}
		for (Path path : paths) {
			if (steps) {
				step("delete " + root.getParent().relativize(path));
			}
			Files.deleteIfExists(path);
		}
	}

	private static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException e) {
			throw new IOException("the file system of " + to.getParent() + " cannot rename " + from.getFileName()
					+ " atomically, so dbparity cannot replace it safely", e);
		}
		catch (FileAlreadyExistsException e) {
			throw new IOException(to + " appeared while dbparity was replacing it: is another process writing it?", e);
		}
	}

	/** Makes a rename or a new file in {@code directory} durable; Windows cannot open a directory, and needs none. */
	private static void fsyncDirectory(Path directory) throws IOException {
		if (WINDOWS) {
			return;
		}
		try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
	}

	private static Set<PosixFilePermission> permissionsOf(Path existing) throws IOException {
		try {
			return supportsPosix(existing) && Files.exists(existing) ? Files.getPosixFilePermissions(existing)
					: SHARED_FILE;
		}
		catch (NoSuchFileException e) {
			return SHARED_FILE;
		}
	}

	private static void copyPermissions(Path from, Path to) throws IOException {
		if (supportsPosix(from)) {
			Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
		}
	}

	private static boolean supportsPosix(Path path) throws IOException {
		Path existing = path;
		while (existing != null && !Files.exists(existing)) {
			existing = existing.getParent();
		}
		return existing != null && Files.getFileStore(existing).supportsFileAttributeView(PosixFileAttributeView.class);
	}

	private static void step(String name) {
		beforeStep.accept(name);
	}
}
