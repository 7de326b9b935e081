package dev.dbparity.badinput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every file below a directory with the SHA-256 of its content: taken before and after a bad input, two equal trees
 * show that nothing was written, removed or half-written. A missing directory is the empty tree.
 *
 * @param files relative path ({@code /}-separated) to content hash, sorted
 */
public record FileTree(Map<String, String> files) {

	public static FileTree of(Path root) {
		Map<String, String> files = new TreeMap<>();
		if (Files.exists(root)) {
			try (Stream<Path> paths = Files.walk(root)) {
				paths.filter(Files::isRegularFile).forEach(file -> files.put(
						root.relativize(file).toString().replace('\\', '/'), sha256(file)));
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return new FileTree(files);
	}

	private static String sha256(Path file) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
