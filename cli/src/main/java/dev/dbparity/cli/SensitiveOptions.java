package dev.dbparity.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import picocli.CommandLine.Option;

import dev.dbparity.snapshots.statistics.SensitiveColumns;
import dev.dbparity.snapshots.statistics.StatisticsOptions;

/**
 * {@code SensitiveOptions} are the options of commands that capture data statistics ({@code capture}, {@code diff},
 * {@code verify}): which columns hold personal data besides those found by name and content, and the key their values
 * are hashed with.
 *
 * <p>The key is read from the environment variable {@value #KEY_VARIABLE} or from a file ({@code --masking-key-file}),
 * never from an argument: arguments show in process lists ({@code ps}) and shell history, and whoever has the key can
 * reverse the hashes by guessing. A capture of sensitive columns without a key is refused unless
 * {@code --allow-development-masking-key} says the data is generated.
 */
final class SensitiveOptions {

	/** The environment variable holding the masking key. */
	static final String KEY_VARIABLE = "DBPARITY_MASKING_KEY";

	@Option(names = "--sensitive", paramLabel = "COLUMN",
			description = "A column holding personal data, as table.column or schema.table.column (globs * and ? "
					+ "allowed; repeatable): its raw values are never written. Columns are also found by name and by "
					+ "content (e-mail addresses, phone numbers, IBANs, card numbers, national ids).")
	List<String> sensitive = List.of();

	@Option(names = "--sensitive-columns", paramLabel = "FILE",
			description = "A YAML list of such columns, e.g. the tests' parity/sensitive.yaml.")
	Optional<Path> sensitiveColumns = Optional.empty();

	@Option(names = "--masking-key-file", paramLabel = "FILE",
			description = "A file holding the secret key that sensitive values are hashed with (default: the environment "
					+ "variable " + KEY_VARIABLE + "). Never given as an argument, which process lists would show.")
	Optional<Path> maskingKeyFile = Optional.empty();

	@Option(names = "--allow-development-masking-key",
			description = "Hash sensitive values with dbparity's public development key when no key is set: for "
					+ "generated test data only, since anyone can reverse such hashes by guessing.")
	boolean allowDevelopmentKey;

	/**
	 * {@code options} with these sensitive columns and key, and {@code environment}'s key unless a file gives one.
	 *
	 * @throws CliException for a key file that is missing or empty, naming the option and the fix
	 * @throws dev.dbparity.snapshots.statistics.SensitiveColumnsException for a file of columns that cannot be used
	 */
	StatisticsOptions apply(StatisticsOptions options, Map<String, String> environment) {
		Map<String, String> columns = new LinkedHashMap<>();
		sensitiveColumns.ifPresent(file -> columns.putAll(SensitiveColumns.load(file)));
		sensitive.forEach(name -> columns.putIfAbsent(name, "--sensitive " + name));
		StatisticsOptions result = options.withSensitiveColumns(columns);
		Optional<String> key = maskingKeyFile.map(SensitiveOptions::readKey)
			.or(() -> Optional.ofNullable(environment.get(KEY_VARIABLE)).filter(value -> !value.isEmpty()));
		if (key.isPresent()) {
			result = result.withMaskingKey(key.get());
		}
		return allowDevelopmentKey ? result.withDevelopmentKeyAllowed() : result;
	}

	private static String readKey(Path file) {
		String key;
		try {
			key = Files.readString(file, StandardCharsets.UTF_8).strip();
		}
		catch (NoSuchFileException e) {
			throw new CliException("--masking-key-file " + file + ": no such file. Fix: write the secret key into it "
					+ "(readable by you only: chmod 600), or set the environment variable " + KEY_VARIABLE + " instead.",
					e);
		}
		catch (IOException e) {
			throw new CliException("--masking-key-file " + file + ": cannot be read (" + e.getMessage() + "). Fix: make "
					+ "it readable, or set the environment variable " + KEY_VARIABLE + " instead.", e);
		}
		if (key.isEmpty()) {
			throw new CliException("--masking-key-file " + file + ": the file is empty, and an empty key hides nothing. "
					+ "Fix: write the secret key into it, e.g. `openssl rand -base64 32 > " + file + "`.");
		}
		return key;
	}
}
