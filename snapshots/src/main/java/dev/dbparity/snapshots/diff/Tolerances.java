package dev.dbparity.snapshots.diff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.dbparity.snapshots.encoding.InvalidUtf8Exception;
import dev.dbparity.snapshots.json.Yaml;
import dev.dbparity.snapshots.names.ClosestNames;
import dev.dbparity.snapshots.yaml.MalformedYamlException;
import dev.dbparity.snapshots.yaml.YamlNode;
import dev.dbparity.snapshots.yaml.YamlReader;

/**
 * {@code Tolerances} reads {@code parity/tolerances.yaml}, where users list the schema differences they accept:
 *
 * <pre>{@code
 * schema:
 *   ignore:
 *     - "public.audit_*"     # tables only production has
 *     - "**.comment"
 * }</pre>
 *
 * <p>The globs are added to {@link IgnoreRules#defaults()}; see {@link IgnoreRules} for their syntax. The top-level
 * keys are {@link #SECTIONS}: {@code statistics} belongs to the statistics check and is skipped here (it is read and
 * checked by {@code StatisticsTolerances}); under {@code schema}, only {@code ignore} is allowed. Every other key is an
 * error, because a misspelt key ({@code schemas:}) would otherwise silently tolerate nothing.
 *
 * <p>Every mistake is an {@link InvalidTolerancesException} naming the file, the line and column, what is allowed and
 * the closest allowed key: YAML that does not parse (with a fix for the usual causes), a repeated key, an unknown key,
 * an {@code ignore} that is not a list of strings, an invalid glob, a file that is not UTF-8.
 *
 * @since 0.1
 */
public final class Tolerances {

	/** Where a project keeps its tolerances, relative to its root. */
	public static final String DEFAULT_FILE = "parity/tolerances.yaml";

	/** The top-level keys of a tolerances file: one section per check. */
	public static final List<String> SECTIONS = List.of("schema", "statistics");

	private static final List<String> SCHEMA_KEYS = List.of("ignore");

	private static final String EXAMPLE = "\n  schema:\n    ignore:\n      - \"public.audit_*\"\n      - \"**.comment\"";

	private Tolerances() {
	}

	/**
	 * The rules in {@code file}, or {@link IgnoreRules#defaults()} when there is no such file.
	 *
	 * @throws InvalidTolerancesException for a file that is not valid, with the line and column
	 * @throws UncheckedIOException when the file exists but cannot be read
	 */
	public static IgnoreRules load(Path file) {
		byte[] yaml;
		try {
			yaml = Files.readAllBytes(file);
		}
		catch (NoSuchFileException e) {
			return IgnoreRules.defaults();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read " + file, e);
		}
		return read(yaml, file.toString());
	}

	/**
	 * The rules in {@code yaml}: {@link IgnoreRules#defaults()} with the {@code schema.ignore} globs; only the defaults
	 * for an empty document.
	 *
	 * @param source the file name, for error messages
	 * @throws InvalidTolerancesException for a document that is not valid, with the line and column
	 */
	public static IgnoreRules read(byte[] yaml, String source) {
		try {
			List<String> globs = YamlReader.read(yaml, source, Tolerances::globs);
			return IgnoreRules.defaults().withGlobs(globs.toArray(String[]::new));
		}
		catch (InvalidUtf8Exception e) {
			throw new InvalidTolerancesException(e.getMessage(), e);
		}
		catch (MalformedYamlException e) {
			throw new InvalidTolerancesException(Yaml.syntaxError(source, yaml, e.getCause()) + " For example:" + EXAMPLE,
					e.getCause());
		}
	}

	private static List<String> globs(YamlNode document) {
		List<String> globs = new ArrayList<>();
		if (document.isNull()) {
			return globs;
		}
		expect(document, document.isMap(), "the document", "a mapping with a schema: key");
		document.map().forEach((key, value) -> {
			if (key.equals("schema")) {
				readSchema(value, globs);
			}
			else {
				// The statistics check reads its own section of the same file.
				checkSection(key, value);
			}
		});
		return globs;
	}

	private static void readSchema(YamlNode schema, List<String> globs) {
		if (schema.isAbsent()) {
			return;
		}
		expect(schema, schema.isMap(), "schema:", "a mapping with an ignore: key");
		schema.map().forEach((key, ignore) -> {
			if (!SCHEMA_KEYS.contains(key)) {
				throw unknownKey(key, "schema:", SCHEMA_KEYS, ignore, EXAMPLE);
			}
			if (ignore.isAbsent()) {
				return;
			}
			expect(ignore, ignore.isList(), "schema.ignore", "a list of globs");
			for (YamlNode entry : ignore.list()) {
				expect(entry, entry.isText(), "each schema.ignore entry", "a glob string");
				try {
					IgnoreRules.none().withGlobs(entry.text());
				}
				catch (IllegalArgumentException e) {
					throw new InvalidTolerancesException(entry.valueWhere() + ": " + e.getMessage(), e);
				}
				globs.add(entry.text());
			}
		});
	}

	/**
	 * Checks that the top-level {@code key} of {@code value} is one of {@link #SECTIONS}.
	 *
	 * @throws InvalidTolerancesException naming the key, its place and the closest section
	 */
	public static void checkSection(String key, YamlNode value) {
		if (!SECTIONS.contains(key)) {
			throw unknownKey(key, "the top level", SECTIONS, value, EXAMPLE);
		}
	}

	/**
	 * An unknown {@code key} of {@code value} under {@code parent}: where the key is, what is allowed, the closest
	 * allowed key, an example.
	 */
	public static InvalidTolerancesException unknownKey(String key, String parent, List<String> allowed, YamlNode value,
			String example) {
		String closest = ClosestNames.closest(key, allowed).map(best -> " Fix: write \"" + best + "\" instead of \"" + key
				+ "\", or remove the key.").orElse(" Fix: use one of the allowed keys, or remove it.");
		return new InvalidTolerancesException(value.where() + ": unknown key \"" + key + "\" under " + parent
				+ "; allowed keys: " + String.join(", ", allowed) + "." + closest + " For example:" + example, null);
	}

	private static void expect(YamlNode value, boolean valid, String what, String expected) {
		if (!valid) {
			throw new InvalidTolerancesException(value.valueWhere() + ": " + what + " must be " + expected + ", but was "
					+ value.describe() + ". Fix: write it as in this example:" + EXAMPLE, null);
		}
	}
}
