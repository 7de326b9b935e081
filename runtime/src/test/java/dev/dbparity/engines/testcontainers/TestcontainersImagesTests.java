package dev.dbparity.engines.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.dbparity.engines.EngineSpec;
import dev.dbparity.snapshots.Engine;

class TestcontainersImagesTests {

	private static final String DIGEST = "sha256:" + "ab".repeat(32);

	@Test
	void officialImageTaggedWithThePin() {
		assertThat(TestcontainersImages.imageFor(new EngineSpec(Engine.POSTGRES, "17.6", Map.of()))).isEqualTo("postgres:17.6");
		assertThat(TestcontainersImages.imageFor(new EngineSpec(Engine.MARIADB, "10.11", Map.of()))).isEqualTo("mariadb:10.11");
		assertThat(TestcontainersImages.imageFor(new EngineSpec(Engine.MYSQL, "8.4", Map.of()))).isEqualTo("mysql:8.4");
	}

	@Test
	void digestPinsTheImage() {
		assertThat(TestcontainersImages.imageFor(new EngineSpec(Engine.POSTGRES, "17.6", Map.of("digest", DIGEST))))
			.isEqualTo("postgres:17.6@" + DIGEST);
	}

	@Test
	void mirrorKeepsItsTag() {
		assertThat(TestcontainersImages.imageFor(new EngineSpec(Engine.POSTGRES, "17.6",
				Map.of("image", "registry.example.com:5000/mirror/postgres:17.6-bookworm"))))
			.isEqualTo("registry.example.com:5000/mirror/postgres:17.6-bookworm");
	}

	@Test
	void latestIsRefused() {
		assertThatThrownBy(() -> TestcontainersImages.imageFor(new EngineSpec(Engine.MYSQL, "8.4",
				Map.of("image", "mysql:latest"))))
			.hasMessage("Image 'mysql:latest' (dbparity.mysql.image) has the tag 'latest': dbparity runs pinned engines "
					+ "only. Give a version tag, e.g. mysql:8.4, and optionally dbparity.mysql.digest.");
	}

	@Test
	void missingTagIsRefused() {
		assertThatThrownBy(() -> TestcontainersImages.imageFor(new EngineSpec(Engine.POSTGRES, "17.6",
				Map.of("image", "registry.example.com:5000/postgres"))))
			.hasMessageStartingWith("Image 'registry.example.com:5000/postgres' (dbparity.postgres.image) has no tag");
	}

	@Test
	void malformedDigestIsRefused() {
		assertThatThrownBy(() -> TestcontainersImages.imageFor(new EngineSpec(Engine.POSTGRES, "17.6",
				Map.of("digest", "abc"))))
			.hasMessage("Digest 'abc' (dbparity.postgres.digest) is not of the form sha256:<64 hex digits>, as "
					+ "`docker images --digests` prints it.");
	}
}
