package dev.dbparity.engines.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code Watchdog} is a small shell process that outlives this JVM for one reason: to stop an embedded server and
 * delete its data directory when the JVM dies without doing it (kill -9, an OOM kill, a CI timeout).
 *
 * <p>Its standard input is a pipe from this JVM. The kernel closes the pipe when the JVM ends, however it ends, so the
 * watchdog reads end of file then and kills every process whose command line names the data directory (the server,
 * and its process group where the server leads one, as PostgreSQL's postmaster does), then removes the directory and,
 * for PostgreSQL, the postmaster's small System V segment, which outlives a killed server. A normal close ends the pipe
 * the same way after the server has been stopped and the directory deleted, so the watchdog finds nothing to do. It
 * ignores the terminal's and the build tool's signals, which reach the whole process group, so that it is still there
 * when the JVM is gone. Where there is no {@code /bin/sh} (Windows) there is no watchdog, and the next start's sweep of
 * stale directories ({@link DataDirectory}) is what cleans up.
 */
final class Watchdog implements AutoCloseable {

	private static final Path SHELL = Path.of("/bin/sh");

	/*
	 * The directory comes on the first line of standard input, never as an argument: the watchdog's own command line
	 * must not name it, or it would kill itself. For the same reason grep reads it as a pattern file.
	 */
	private static final String SCRIPT = """
			trap '' HUP INT QUIT TERM PIPE
			IFS= read -r directory || exit 0
			while read -r line; do :; done
			export DBPARITY_DIRECTORY="$directory"
			# Servers name files inside the directory: with the slash, a directory whose name extends this one's is not it.
			servers() {
				if [ -d /proc/self ]; then
					printf '%s/\\n' "$directory" | grep -lFf /dev/stdin /proc/[0-9]*/cmdline 2>/dev/null | cut -d/ -f3
				else
					ps -A -o pid= -o args= | awk 'index($0, ENVIRON["DBPARITY_DIRECTORY"] "/") { print $1 }'
				fi
			}
			# A killed postmaster leaves its small System V segment (key and id on line 7 of postmaster.pid).
			segment=$(sed -n 7p "$directory/data/postmaster.pid" 2>/dev/null)
			round=0
			while [ $round -lt 20 ]; do
				pids=$(servers)
				[ -n "$pids" ] || break
				for pid in $pids; do
					kill -s KILL -- "-$pid" 2>/dev/null || kill -s KILL "$pid" 2>/dev/null
				done
				round=$((round + 1))
			done
			set -- $segment
			[ -n "$2" ] && command -v ipcrm >/dev/null && ipcrm -m "$2" 2>/dev/null
			rm -rf -- "$directory"
			""";

	private final Optional<Process> process;

	private Watchdog(Optional<Process> process) {
		this.process = process;
	}

	/** Starts a watchdog that has no directory yet: {@link #watch} tells it which one. */
	static Watchdog start() throws IOException {
		if (!Files.isExecutable(SHELL)) {
			return new Watchdog(Optional.empty());
		}
		// $0 names it in process listings; its output would only fill a pipe nobody reads once the JVM is gone.
		Process process = new ProcessBuilder(SHELL.toString(), "-c", SCRIPT, "dbparity-watchdog")
			.redirectOutput(Redirect.DISCARD)
			.redirectError(Redirect.DISCARD)
			.start();
		return new Watchdog(Optional.of(process));
	}

	/** From now on, the end of this JVM (or {@link #close}) kills what runs on {@code directory} and removes it. */
	void watch(Path directory) throws IOException {
		if (process.isPresent()) {
			OutputStream input = process.get().getOutputStream();
			input.write((directory.toAbsolutePath() + "\n").getBytes(StandardCharsets.UTF_8));
			input.flush();
		}
	}

	/** Lets the watchdog clean up and end; call it after the server has been stopped and its directory deleted. */
	@Override
	public void close() throws IOException {
		if (process.isPresent()) {
			process.get().getOutputStream().close();
		}
	}
}
