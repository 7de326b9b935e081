package dev.dbparity.engines.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.dbparity.snapshots.Engine;

/**
 * No embedded server outlives a JVM killed with SIGKILL, nor does its data directory: the watchdog stops it at once,
 * and should the watchdog be killed too, the next start's sweep does. Each test forks a JVM ({@link EmbeddedServerJvm})
 * and kills it.
 */
@EnabledOnOs(OS.LINUX)
class OrphanedServerTests {

	/**
	 * How long a killed server and its directory may take to go: a bound on liveness (does it happen at all), not a
	 * measure of speed, generous for a loaded machine.
	 */
	private static final Duration LIVENESS_BOUND = Duration.ofSeconds(15);

	@TempDir
	Path temporary;

	@ParameterizedTest
	@EnumSource(names = { "POSTGRES", "MARIADB" })
	void aKilledJvmLeavesNoServerAndNoDataDirectory(Engine engine) throws Exception {
		ForkedServer forked = ForkedServer.start(engine, temporary);
		assertThat(ProcessHandle.of(forked.serverPid)).as("the server runs").isPresent();
		assertThat(forked.serverCommandLine()).as("the server's command line, as .ci/run looks for leftovers")
			.containsPattern(ciServerPattern());
		assertThat(forked.directory).exists().isDirectoryContaining(path -> path.endsWith(DataDirectory.OWNER_MARKER));

		if (engine == Engine.POSTGRES) {
			assertThat(Files.readString(Path.of("/proc", Long.toString(forked.serverPid), "maps")))
				.as("PostgreSQL's dynamic shared memory: /dev/shm/PostgreSQL.* outlives a killed server")
				.doesNotContain("/dev/shm/PostgreSQL.");
		}
		Optional<String> segment = systemVSegment(engine, forked);

		forked.jvm.destroyForcibly().waitFor();

		assertThat(eventually(() -> ProcessHandle.of(forked.serverPid).isEmpty()))
			.as("server %d is gone after its JVM was killed", forked.serverPid).isTrue();
		assertThat(eventually(() -> !Files.exists(forked.directory)))
			.as("%s is gone after its JVM was killed", forked.directory).isTrue();
		if (segment.isPresent()) {
			assertThat(systemVSegments()).as("the postmaster's System V segment is removed").doesNotContain(segment.get());
		}
	}

	@ParameterizedTest
	@EnumSource(names = { "POSTGRES", "MARIADB" })
	void theNextStartSweepsWhatAKilledJvmAndItsWatchdogLeft(Engine engine) throws Exception {
		ForkedServer forked = ForkedServer.start(engine, temporary);
		ProcessHandle watchdog = forked.jvm.toHandle().children()
			.filter(child -> child.info().commandLine().filter(line -> line.contains("dbparity-watchdog")).isPresent())
			.findFirst()
			.orElseThrow(() -> new AssertionError("no watchdog among the forked JVM's children"));
		watchdog.destroyForcibly();
		watchdog.onExit().get();
		forked.jvm.destroyForcibly().waitFor();
		assertThat(ProcessHandle.of(forked.serverPid)).as("with its watchdog killed, the server outlives its JVM")
			.isPresent();

		Optional<String> segment = systemVSegment(engine, forked);

		DataDirectory.sweep(forked.directory.getParent());

		assertThat(eventually(() -> ProcessHandle.of(forked.serverPid).isEmpty()))
			.as("server %d is gone after the sweep", forked.serverPid).isTrue();
		assertThat(forked.directory).as("swept").doesNotExist();
		if (segment.isPresent()) {
			assertThat(systemVSegments()).as("the postmaster's System V segment is removed").doesNotContain(segment.get());
		}
	}

	@Test
	void theSweepLeavesDirectoriesOfLiveOwnersAndUnknownOnesAlone() throws Exception {
		long self = ProcessHandle.current().pid();
		Process ended = new ProcessBuilder("true").start();
		ended.waitFor();
		Path live = marked("dbparity-postgres-live", "pid=" + self + "\n"
				+ DataDirectory.startTicks(self).map(start -> "start=" + start + "\n").orElse(""));
		Path dead = marked("dbparity-postgres-dead", "pid=" + ended.pid() + "\n");
		Path reused = marked("dbparity-mariadb-reused", "pid=" + self + "\nstart=1\n");
		Path older = Files.createDirectories(temporary.resolve("dbparity-postgres-older-dbparity/data"));
		Files.writeString(older.resolve("PG_VERSION"), "17\n");
		Path abandoned = Files.createDirectory(temporary.resolve("dbparity-mariadb-abandoned"));
		Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
		Path creating = Files.createDirectory(temporary.resolve("dbparity-mariadb-creating"));
		Path other = marked("not-dbparity-postgres-dead", "pid=" + ended.pid() + "\n");
		Path elsewhere = marked("dbparity-postgres-other-container", "pid=" + ended.pid() + "\nnamespace=pid:[1]\n");

		DataDirectory.sweep(temporary);

		assertThat(live).as("owned by a live process").exists();
		assertThat(dead).as("owned by a process that ended").doesNotExist();
		assertThat(reused).as("its owner's pid now names another process").doesNotExist();
		assertThat(older).as("no marker and not empty: an older dbparity's, whose owner cannot be told").exists();
		assertThat(abandoned).as("no marker, empty, and long since created").doesNotExist();
		assertThat(creating).as("no marker yet: its owner may be writing it").exists();
		assertThat(other).as("not a dbparity data directory").exists();
		assertThat(elsewhere).as("owned by a process of another pid namespace, which cannot be told").exists();
	}

	private Path marked(String name, String owner) throws IOException {
		Path directory = Files.createDirectories(temporary.resolve(name).resolve("data"));
		Files.writeString(directory.getParent().resolve(DataDirectory.OWNER_MARKER), owner);
		return directory.getParent();
	}

	/** PostgreSQL's postmaster holds a System V segment: its id is on line 7 of postmaster.pid, after the key. */
	private static Optional<String> systemVSegment(Engine engine, ForkedServer forked) throws IOException {
		if (engine != Engine.POSTGRES) {
			return Optional.empty();
		}
		String segment = Files.readAllLines(forked.directory.resolve("data/postmaster.pid")).get(6).trim()
			.split("\\s+")[1];
		assertThat(systemVSegments()).as("the postmaster's System V segment").contains(segment);
		return Optional.of(segment);
	}

	/** The ids of the machine's System V shared memory segments. */
	private static List<String> systemVSegments() throws IOException {
		return Files.readAllLines(Path.of("/proc/sysvipc/shm")).stream().skip(1)
			.map(line -> line.trim().split("\\s+")[1])
			.toList();
	}

	/** The pattern .ci/run greps process command lines for after a run, read from the script itself. */
	private static Pattern ciServerPattern() throws IOException {
		Matcher pgrep = Pattern.compile("pgrep -f '([^']+)'").matcher(Files.readString(Path.of("..", ".ci", "run")));
		assertThat(pgrep.find()).as(".ci/run looks for leftover servers with pgrep -f").isTrue();
		return Pattern.compile(pgrep.group(1));
	}

	private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
		Instant deadline = Instant.now().plus(LIVENESS_BOUND);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				return false;
			}
			Thread.sleep(50);
		}
		return true;
	}

	/** A forked JVM running {@link EmbeddedServerJvm}, with the server pid and data directory it printed. */
	private record ForkedServer(Process jvm, long serverPid, Path directory) {

		static ForkedServer start(Engine engine, Path temporary) throws IOException {
			Path errors = temporary.resolve("jvm-" + engine + ".err");
			Process jvm = EmbeddedServerJvm.fork(engine, engine == Engine.POSTGRES ? "17.6" : "10.11", errors, Map.of());
			BufferedReader output = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
			String line = output.readLine();
			if (line == null || !line.startsWith("server ")) {
				jvm.destroyForcibly();
				throw new AssertionError("the forked JVM did not start a server: " + line + "\n" + Files.readString(errors));
			}
			String[] fields = line.split(" ", 3);
			return new ForkedServer(jvm, Long.parseLong(fields[1]), Path.of(fields[2]));
		}

		String serverCommandLine() {
			return ProcessHandle.of(serverPid).flatMap(server -> server.info().commandLine()).orElse("");
		}
	}
}
