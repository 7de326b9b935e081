package dev.dbparity.engines.embedded;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * {@code StartupLog} is what initdb, pg_ctl and the server write while embedded PostgreSQL starts, kept in a file of
 * the server's directory for this start only, and a watch on it while zonky waits for the first connection.
 *
 * <p>zonky logs that output through SLF4J, which most test set-ups silence, and waits its whole startup wait for a
 * server that has already stopped: a setting PostgreSQL refuses (a time zone it does not know) cost a minute and
 * said only that it gave up waiting. The watch sees pg_ctl report that the server stopped and ends the wait at once by
 * interrupting the starting thread, on which zonky returns; the log's last lines then say why.
 */
final class StartupLog {

	/** pg_ctl's line when the server it started exits before accepting connections. */
	private static final String STOPPED = "could not start server";
	private static final int TAIL_LINES = 12;
	private static final long POLL_NANOS = 50_000_000L;

	private final Path file;
	private final long start;
	private final Thread starting;
	private final Thread watch;
	private boolean done;
	private boolean stopped;

	private StartupLog(Path file, long start, Thread starting) {
		this.file = file;
		this.start = start;
		this.starting = starting;
		this.watch = new Thread(this::watch, "dbparity-postgres-start-watch");
		this.watch.setDaemon(true);
	}

	/** Watches {@code file}, this start's own, from its current end while the calling thread starts the server. */
	static StartupLog watch(Path file) throws IOException {
		StartupLog log = new StartupLog(file, Files.size(file), Thread.currentThread());
		log.watch.start();
		return log;
	}

	private void watch() {
		while (!Thread.currentThread().isInterrupted()) {
			if (written().contains(STOPPED)) {
				synchronized (this) {
					if (!done) {
						stopped = true;
						starting.interrupt();
					}
				}
				return;
			}
			LockSupport.parkNanos(POLL_NANOS);
		}
	}

	/**
	 * Ends the watch; answers whether the server stopped while starting, in which case the starting thread's interrupt,
	 * which was the watch's, is cleared.
	 */
	boolean stoppedWhileStarting() {
		boolean stoppedNow;
		synchronized (this) {
			done = true;
			stoppedNow = stopped;
		}
		watch.interrupt();
		boolean interrupted = false;
		try {
			watch.join();
		}
		catch (InterruptedException e) {
			interrupted = true;
		}
		// The watch's interrupt is cleared; anyone else's is kept.
		if (stoppedNow) {
			Thread.interrupted();
		}
		else if (interrupted) {
			Thread.currentThread().interrupt();
		}
		return stoppedNow;
	}

	/** The last lines written since the watch began, indented, or a note that there were none. */
	String tail() {
		List<String> lines = Arrays.stream(written().split("\\R")).filter(line -> !line.isBlank()).toList();
		if (lines.isEmpty()) {
			return "(PostgreSQL wrote nothing)";
		}
		return lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()).stream()
			.map(line -> "  " + line.strip())
			.collect(Collectors.joining("\n"));
	}

	private String written() {
		try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
			long length = log.length() - start;
			if (length <= 0) {
				return "";
			}
			// The end is what tells why; a runaway log is read from its last 64 KiB.
			long from = start + Math.max(0, length - 65_536);
			byte[] bytes = new byte[(int) (start + length - from)];
			log.seek(from);
			log.readFully(bytes);
			return new String(bytes, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			return "";
		}
	}
}
