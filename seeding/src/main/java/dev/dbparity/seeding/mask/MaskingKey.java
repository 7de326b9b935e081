package dev.dbparity.seeding.mask;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * {@code MaskingKey} is the secret that keys masking pseudonyms (HMAC-SHA256). The same key gives the same pseudonym
 * for the same input in every table, file and run, so joins on masked columns survive; without the key the pseudonyms
 * cannot be reversed by trying candidate inputs.
 *
 * @param bytes the key
 * @param development whether this is the fixed development key, whose masked output is not secret
 * @since 0.1
 */
public record MaskingKey(byte[] bytes, boolean development) {

	/** The environment variable that holds the key: {@value}. */
	public static final String ENVIRONMENT_VARIABLE = "DBPARITY_MASKING_KEY";

	private static final System.Logger LOGGER = System.getLogger(MaskingKey.class.getName());

	private static final byte[] DEVELOPMENT = "dbparity development masking key, not secret"
		.getBytes(StandardCharsets.UTF_8);

	public MaskingKey {
		Objects.requireNonNull(bytes, "bytes");
		if (bytes.length == 0) {
			throw new IllegalArgumentException("a masking key must not be empty");
		}
		bytes = bytes.clone();
	}

	/** A key given explicitly, as text (UTF-8). */
	public static MaskingKey of(String key) {
		return new MaskingKey(key.getBytes(StandardCharsets.UTF_8), false);
	}

	/**
	 * The key from {@value #ENVIRONMENT_VARIABLE} in {@code environment}, or else the development key with a warning
	 * that masked output is not secret.
	 */
	public static MaskingKey fromEnvironment(Map<String, String> environment) {
		String value = environment.get(ENVIRONMENT_VARIABLE);
		if (value != null && !value.isBlank()) {
			return of(value);
		}
		LOGGER.log(Level.WARNING, ENVIRONMENT_VARIABLE + " is not set: masking uses dbparity's fixed development "
				+ "key, so masked output is NOT secret (anyone can recompute the pseudonyms). Set "
				+ ENVIRONMENT_VARIABLE + " to a secret before masking real data.");
		return developmentKey();
	}

	/** The fixed development key. */
	public static MaskingKey developmentKey() {
		return new MaskingKey(DEVELOPMENT, true);
	}

	@Override
	public byte[] bytes() {
		return bytes.clone();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof MaskingKey key && key.development == development && Arrays.equals(key.bytes, bytes);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(bytes);
	}

	/** Never prints the key. */
	@Override
	public String toString() {
		return development ? "MaskingKey[development]" : "MaskingKey[***]";
	}
}
