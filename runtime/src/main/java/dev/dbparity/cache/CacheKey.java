package dev.dbparity.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code CacheKey} is what makes one prepared data directory: its kind ({@code cluster} or {@code template}) and every
 * part that shapes its content (engine, version, binaries' checksum, settings, migrations' checksum, seed rules, the
 * cache's format version). Two keys are equal exactly when their content would be.
 *
 * <p>Parts are written into the entry's description, so a part that derives from a secret (a masking key) must be
 * given as a {@link #digest} of it, never as itself.
 *
 * <p>Internal: may change in any minor release.
 */
public record CacheKey(String kind, SortedMap<String, String> parts) {

	/** Bumped whenever what an entry holds or how it is laid out changes: every older entry is then a miss. */
	public static final String FORMAT_VERSION = "1";

	public CacheKey {
		Objects.requireNonNull(kind, "kind");
		parts = new TreeMap<>(parts);
		parts.values().forEach(value -> Objects.requireNonNull(value, "part"));
	}

	public static CacheKey of(String kind, Map<String, String> parts) {
		return new CacheKey(kind, new TreeMap<>(parts));
	}

	/** This key with {@code name} set to {@code value}. */
	public CacheKey with(String name, String value) {
		SortedMap<String, String> more = new TreeMap<>(parts);
		more.put(name, value);
		return new CacheKey(kind, more);
	}

	/** This key's parts under another kind: a template's key starts with its cluster's. */
	public CacheKey as(String otherKind) {
		return new CacheKey(otherKind, parts);
	}

	/** The entry's directory name: a SHA-256 of the kind, the format version and every part. */
	public String hash() {
		return kind + "-" + sha256(canonical()).substring(0, 32);
	}

	/** The parts, one {@code name=value} a line, as the entry's description shows them. */
	public String canonical() {
		return "kind=" + kind + "\nformat=" + FORMAT_VERSION + "\n" + parts.entrySet().stream()
			.map(part -> part.getKey() + "=" + part.getValue().replace("\n", "\\n"))
			.collect(Collectors.joining("\n", "", "\n"));
	}

	/** A digest of {@code secret} that stands for it in a key without revealing it. */
	public static String digest(byte[] secret) {
		return "sha256:" + sha256(secret).substring(0, 16);
	}

	static String sha256(String text) {
		return sha256(text.getBytes(StandardCharsets.UTF_8));
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every JDK has SHA-256", e);
		}
	}
}
