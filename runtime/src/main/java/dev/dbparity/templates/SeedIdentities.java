package dev.dbparity.templates;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import dev.dbparity.cache.CodeIdentity;
import dev.dbparity.seeding.SeedRules;
import dev.dbparity.snapshots.json.CanonicalJson;
import dev.dbparity.snapshots.yaml.YamlReader;

/**
 * {@code SeedIdentities} remembers, in the template cache's directory, what {@link SeedRules#identify} reads from a
 * rules file, under the SHA-256 of the file's bytes, its place and the build of the code that reads it: a warm start
 * then finds its template's key without parsing YAML (and loading Jackson to normalise it). It is exact, not a guess by
 * file times: the identity is a function of those bytes and that code, and of the fixture files' bytes, which are
 * hashed again on every use (a changed fixture file is identified anew).
 */
final class SeedIdentities {

	private static final String HASH = "hash";
	private static final String SOURCE = "source";

	private SeedIdentities() {
	}

	/** As {@link SeedRules#identify}, remembered in {@code memo} (a directory) when it can be written. */
	static Optional<SeedRules.Identity> identify(Path file, Optional<Path> memo) {
		if (memo.isEmpty()) {
			return SeedRules.identify(file);
		}
		Path absolute = file.toAbsolutePath();
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(absolute);
		}
		catch (IOException e) {
			// Loading says what is wrong with the file.
			return Optional.empty();
		}
		Path remembered = memo.get().resolve(sha256((absolute + "\n" + sha256(bytes) + "\n" + CodeIdentity.of(
				SeedRules.class) + "\n" + CodeIdentity.of(YamlReader.class) + "\n" + CodeIdentity.of(CanonicalJson.class))
			.getBytes(StandardCharsets.UTF_8)).substring(0, 32));
		Optional<SeedRules.Identity> known = read(remembered, absolute.getParent());
		if (known.isPresent()) {
			return known;
		}
		Optional<SeedRules.Identity> identity = SeedRules.identify(file);
		identity.ifPresent(found -> write(remembered, found, absolute.getParent()));
		return identity;
	}

	/** The remembered identity, if its fixture files still have the bytes it was taken with. */
	private static Optional<SeedRules.Identity> read(Path remembered, Path base) {
		if (!Files.isRegularFile(remembered)) {
			return Optional.empty();
		}
		try (Reader reader = Files.newBufferedReader(remembered, StandardCharsets.UTF_8)) {
			Properties properties = new Properties();
			properties.load(reader);
			Set<String> profiles = new TreeSet<>();
			for (int i = 0; properties.containsKey("profile." + i); i++) {
				profiles.add(properties.getProperty("profile." + i));
			}
			List<String> fixtures = new ArrayList<>();
			for (int i = 0; properties.containsKey("fixture." + i); i++) {
				String name = properties.getProperty("fixture." + i);
				if (!sha256(Files.readAllBytes(base.resolve(name))).equals(properties.getProperty("fixture." + i
						+ ".sha256"))) {
					return Optional.empty();
				}
				fixtures.add(name);
			}
			String hash = properties.getProperty(HASH);
			String source = properties.getProperty(SOURCE);
			return hash == null || source == null ? Optional.empty()
					: Optional.of(new SeedRules.Identity(source, hash, profiles, fixtures));
		}
		catch (IOException | RuntimeException e) {
			// An unreadable memo, or a fixture file gone: identified anew, and loading says what is wrong.
			return Optional.empty();
		}
	}

	private static void write(Path remembered, SeedRules.Identity identity, Path base) {
		Properties properties = new Properties();
		properties.setProperty(HASH, identity.hash());
		properties.setProperty(SOURCE, identity.source());
		List<String> profiles = List.copyOf(new TreeSet<>(identity.profiles()));
		for (int i = 0; i < profiles.size(); i++) {
			properties.setProperty("profile." + i, profiles.get(i));
		}
		try {
			for (int i = 0; i < identity.fixtureFiles().size(); i++) {
				String name = identity.fixtureFiles().get(i);
				properties.setProperty("fixture." + i, name);
				properties.setProperty("fixture." + i + ".sha256", sha256(Files.readAllBytes(base.resolve(name))));
			}
			Files.createDirectories(remembered.getParent());
			Path partial = remembered.resolveSibling(remembered.getFileName() + "." + UUID.randomUUID() + ".part");
			try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
				properties.store(writer, null);
			}
			Files.move(partial, remembered, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException | UncheckedIOException e) {
			// Only a memo (a read-only or full cache directory): identified again next time.
		}
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every JDK has SHA-256", e);
		}
	}
}
