package dev.dbparity.cache;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * {@code FileChecksums} gives the SHA-256 of a large file (an engine's binaries jar) for a cache key, remembered in the
 * cache under the file's path, size and modification time, so that a warm start does not hash 15 MB again; a changed
 * file (other size or time) is hashed anew.
 *
 * <p>Internal: may change in any minor release.
 */
public final class FileChecksums {

	private FileChecksums() {
	}

	/** The SHA-256 of {@code file}, remembered in {@code memo} (a directory) when it can be written. */
	public static String sha256(Path file, Path memo) {
		try {
			String identity = file.toAbsolutePath() + "\n" + Files.size(file) + "\n" + Files.getLastModifiedTime(file)
				.toMillis();
			Path remembered = memo.resolve(CacheKey.sha256(identity).substring(0, 32));
			if (Files.isRegularFile(remembered)) {
				String sha = Files.readString(remembered, StandardCharsets.US_ASCII).trim();
				if (sha.length() == 64) {
					return sha;
				}
			}
			String sha = hash(file);
			try {
				Files.createDirectories(memo);
				Path partial = memo.resolve(remembered.getFileName() + "." + UUID.randomUUID() + ".part");
				Files.writeString(partial, sha + "\n", StandardCharsets.US_ASCII);
				Files.move(partial, remembered, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (IOException e) {
				// Only a memo: hashed again next time.
			}
			return sha;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read " + file + " to checksum it: " + e.getMessage(), e);
		}
	}

	private static String hash(Path file) throws IOException {
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
			MessageDigest digest = ((DigestInputStream) in).getMessageDigest();
			in.transferTo(java.io.OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every JDK has SHA-256", e);
		}
	}
}
