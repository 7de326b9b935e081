package dev.dbparity.junit;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code Isolation} says which tests share a database.
 *
 * <p>Every database is a clone of a template that was migrated (and seeded) once per JVM, so a fresh database costs
 * a clone, not a migration run.
 *
 * @since 0.1
 */
public enum Isolation {

	/** Sentinel: use {@value ParityDatabase#ISOLATION_PROPERTY_NAME}, else {@link #PER_CLASS}. */
	DEFAULT,

	/** One database per test class (and per engine of a multi-engine class); its {@code @Nested} classes share it. */
	PER_CLASS,

	/** A new database for every test method. */
	PER_METHOD,

	/** One database for all classes with the same engine, migrations and seed, for the whole run. */
	SHARED;

	/** The configuration value, e.g. {@code per_class}. */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** @throws IllegalArgumentException naming the allowed values */
	public static Isolation parse(String value) {
		return Arrays.stream(values())
			.filter(isolation -> isolation != DEFAULT && isolation.id().equals(value.trim().toLowerCase(Locale.ROOT)))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("allowed values: " + allowedValues()));
	}

	public static String allowedValues() {
		return Arrays.stream(values()).filter(isolation -> isolation != DEFAULT).map(Isolation::id)
			.collect(Collectors.joining(", "));
	}
}
