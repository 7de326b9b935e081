package dev.dbparity.engines.testcontainers;

import java.util.Optional;
import java.util.regex.Pattern;

import dev.dbparity.engines.EngineSpec;
import dev.dbparity.snapshots.Engine;

/** {@code TestcontainersImages} turns a version pin and the image settings into a pinned image reference. */
final class TestcontainersImages {

	private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

	private TestcontainersImages() {
	}

	/** The official image name for {@code engine}, e.g. {@code postgres}. */
	static String officialImage(Engine engine) {
		return switch (engine) {
			case POSTGRES -> "postgres";
			case MARIADB -> "mariadb";
			case MYSQL -> "mysql";
		};
	}

	static String moduleArtifact(Engine engine) {
		return "testcontainers-" + (engine == Engine.POSTGRES ? "postgresql" : officialImage(engine));
	}

	static String containerClass(Engine engine) {
		return switch (engine) {
			case POSTGRES -> "org.testcontainers.postgresql.PostgreSQLContainer";
			case MARIADB -> "org.testcontainers.mariadb.MariaDBContainer";
			case MYSQL -> "org.testcontainers.mysql.MySQLContainer";
		};
	}

	/**
	 * {@code <image>:<version>[@<digest>]}, where image is the official one or the configured mirror.
	 *
	 * @throws IllegalArgumentException for a {@code latest} or missing tag, or a malformed digest
	 */
	static String imageFor(EngineSpec spec) {
		String key = "dbparity." + spec.engine().id() + ".";
		String image = spec.setting("image").orElse(officialImage(spec.engine()) + ":" + spec.version());
		int lastSlash = image.lastIndexOf('/');
		int colon = image.indexOf(':', lastSlash + 1);
		String tag = colon < 0 ? "" : image.substring(colon + 1).replaceFirst("@.*$", "");
		if (tag.isEmpty() || tag.equals("latest")) {
			throw new IllegalArgumentException("Image '" + image + "' (" + key + "image) has " + (tag.isEmpty() ? "no tag"
					: "the tag 'latest'") + ": dbparity runs pinned engines only. Give a version tag, e.g. "
					+ officialImage(spec.engine()) + ":" + spec.version() + ", and optionally " + key + "digest.");
		}
		Optional<String> digest = spec.setting("digest");
		if (digest.isPresent() && !DIGEST.matcher(digest.get()).matches()) {
			throw new IllegalArgumentException("Digest '" + digest.get() + "' (" + key + "digest) is not of the form "
					+ "sha256:<64 hex digits>, as `docker images --digests` prints it.");
		}
		return digest.map(value -> image.replaceFirst("@.*$", "") + "@" + value).orElse(image);
	}
}
