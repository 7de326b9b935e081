package dev.dbparity.migrations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * {@code Script} is one SQL file of a migration, forward or undo.
 *
 * <p>The checksum is the SHA-256 (lower-case hex) of the <em>normalised</em> content: line endings {@code CRLF} and
 * {@code CR} count as {@code LF}, and trailing whitespace at the end of the file is ignored. A checkout with Windows
 * line endings, or an editor adding a final newline, therefore does not make an applied migration look edited.
 *
 * <p>A script runs in a transaction where the engine allows (PostgreSQL), unless its file asks otherwise:
 * {@code -- +goose NO TRANSACTION}, {@code -- migrate:up transaction:false} (dbmate) or
 * {@code -- +migrate Up notransaction} (sql-migrate), as statements such as {@code CREATE INDEX CONCURRENTLY} need.
 *
 * @param location where the script came from, as users see it in messages, e.g. {@code db/migration/V3__checks.sql}
 * @param content the SQL text as read
 * @param checksum the SHA-256 of the normalised content
 * @param transactional whether the script may run in one transaction; {@code false} when its file says not to
 * @since 0.1
 */
public record Script(String location, String content, String checksum, boolean transactional) {

	public Script {
		Objects.requireNonNull(location, "location");
		Objects.requireNonNull(content, "content");
		Objects.requireNonNull(checksum, "checksum");
		if (location.isBlank()) {
			throw new IllegalArgumentException("location must not be blank");
		}
	}

	/** Creates a transactional script with the given checksum, for runners that compute their own. */
	public Script(String location, String content, String checksum) {
		this(location, content, checksum, true);
	}

	/** Creates a transactional script whose checksum is computed from its content. */
	public Script(String location, String content) {
		this(location, content, checksumOf(content));
	}

	/** {@code checksumOf} is the SHA-256 hex of the normalised {@code content}, see the class comment. */
	public static String checksumOf(String content) {
		String normalised = content.replace("\r\n", "\n").replace('\r', '\n').stripTrailing();
		return sha256(normalised);
	}

	static String sha256(String text) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			// Every Java platform is required to provide SHA-256.
			throw new IllegalStateException(e);
		}
	}
}
