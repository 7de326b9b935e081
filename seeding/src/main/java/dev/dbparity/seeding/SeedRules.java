package dev.dbparity.seeding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import dev.dbparity.seeding.internal.Closest;
import dev.dbparity.seeding.internal.Compiler;
import dev.dbparity.seeding.internal.FixturePlan;
import dev.dbparity.seeding.internal.Fixtures;
import dev.dbparity.seeding.internal.Plan;
import dev.dbparity.seeding.internal.Problems;
import dev.dbparity.seeding.internal.Restriction;
import dev.dbparity.seeding.internal.SchemaModel;
import dev.dbparity.seeding.internal.Version;
import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.encoding.InvalidUtf8Exception;
import dev.dbparity.snapshots.json.CanonicalJson;
import dev.dbparity.snapshots.yaml.MalformedYamlException;
import dev.dbparity.snapshots.yaml.YamlNode;
import dev.dbparity.snapshots.yaml.YamlReader;

/**
 * {@code SeedRules} is a parsed seed-rules file ({@code parity/seed.yaml}): what to generate, how much, and which
 * fixture rows to load masked. See {@code seeding/SEED-RULES.md} for the format.
 *
 * <p>Parsing checks everything that does not need the database (syntax, generators and their parameters, Datafaker
 * expressions, references between the rules' tables, fixture files); {@link Seeder#seed} checks the rest against the
 * live schema before writing anything. Both report all problems at once in a {@link SeedRulesException}.
 *
 * <p>Two rules are equal when their normalised content and fixture files are: {@link #hash()} is the key for caching a
 * seeded template database.
 *
 * @param source the file name used in error messages
 * @param version the rules' {@code version}: part of every value's seed, so bumping it changes all values
 * @param seed the rules' {@code seed}
 * @param profiles scale factors by profile name ({@code default} is 1 unless given)
 * @param root the YAML document
 * @param baseDirectory where fixture file names are resolved
 * @param hash {@code sha256:…} of the normalised rules and the fixture files' bytes
 * @since 0.1
 */
public record SeedRules(String source, int version, long seed, Map<String, BigDecimal> profiles, YamlNode root,
		Path baseDirectory, String hash) {

	private static final Set<String> TOP_LEVEL = Set.of("version", "seed", "locale", "profiles", "limits", "tables",
			"fixtures");

	private static final Map<String, String> LIMIT_KEYS = Map.of("rowsPerTable", "rows per table", "rows",
			"rows in total");

	public SeedRules {
		Objects.requireNonNull(source, "source");
		profiles = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(profiles));
		Objects.requireNonNull(root, "root");
		Objects.requireNonNull(baseDirectory, "baseDirectory");
		Objects.requireNonNull(hash, "hash");
	}

	/**
	 * Reads the rules in {@code file}; fixture files are resolved beside it.
	 *
	 * @throws SeedRulesException listing every problem, each with file, line and column
	 * @throws UncheckedIOException when the file cannot be read
	 */
	public static SeedRules load(Path file) {
		try {
			Path absolute = file.toAbsolutePath();
			return parse(Files.readAllBytes(absolute), file.getFileName().toString(), absolute.getParent());
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read seed rules " + file + ": " + e.getMessage(), e);
		}
	}

	/**
	 * What {@link #load} would give as {@link #source()}, {@link #hash()} and the names of {@link #profiles()} for
	 * {@code file}, read without compiling the rules (which starts Datafaker and costs most of a load): enough to look a
	 * seeded template up in a cache keyed by the hash, which covers the rules' content and their fixture files' bytes.
	 * Empty when the file is not a readable YAML map whose fixture files can be read, or its profiles are not a map:
	 * {@link #load} says what is wrong then.
	 */
	public static Optional<Identity> identify(Path file) {
		try {
			Path absolute = file.toAbsolutePath();
			String source = file.getFileName().toString();
			YamlNode root = YamlReader.read(Files.readAllBytes(absolute), source);
			Optional<YamlNode> profiles = root.isMap() ? root.get("profiles") : Optional.empty();
			if (!root.isMap() || profiles.filter(node -> !node.isMap()).isPresent()) {
				return Optional.empty();
			}
			return Optional.of(new Identity(source, hash(root, absolute.getParent()), profiles.map(node -> (Set<String>)
					new java.util.TreeSet<>(node.map().keySet())).orElse(Set.of()), Fixtures.files(root.get("fixtures"))));
		}
		catch (IOException | RuntimeException e) {
			// Malformed YAML, unreadable files: the full load reports them with file, line and column.
			return Optional.empty();
		}
	}

	/**
	 * Seed rules as {@link #identify} reads them.
	 *
	 * @param profiles the profile names the file declares, not yet checked for valid scale factors
	 * @param fixtureFiles the fixture files whose bytes the hash covers, as named in the rules (beside the rules file)
	 */
	public record Identity(String source, String hash, Set<String> profiles, List<String> fixtureFiles) {

		public Identity {
			Objects.requireNonNull(source, "source");
			Objects.requireNonNull(hash, "hash");
			profiles = Set.copyOf(profiles);
			fixtureFiles = List.copyOf(fixtureFiles);
		}
	}

	/** Parses rules whose fixture files are resolved against the working directory. */
	public static SeedRules parse(byte[] yaml, String sourceName) {
		return parse(yaml, sourceName, Path.of("").toAbsolutePath());
	}

	/**
	 * Parses rules whose fixture files are resolved against {@code baseDirectory}.
	 *
	 * @throws SeedRulesException listing every problem, each with file, line and column
	 */
	public static SeedRules parse(byte[] yaml, String sourceName, Path baseDirectory) {
		YamlNode root;
		try {
			root = YamlReader.read(yaml, sourceName);
		}
		catch (InvalidUtf8Exception e) {
			throw new SeedRulesException(List.of(new SeedProblem(sourceName, e.line(), e.column(), "", e.problem(),
					e.fix())));
		}
		catch (MalformedYamlException e) {
			throw new SeedRulesException(List.of(new SeedProblem(sourceName, e.line(), e.column(), "", e.problem(),
					"fix the YAML syntax at that position (indentation, quoting, a repeated key)")));
		}
		Problems problems = new Problems();
		if (!root.isMap()) {
			problems.add(root, "", "seed rules must be a YAML map", "start with version: 1, seed: 42, tables: {...}");
			problems.throwIfAny();
		}
		root.map().forEach((key, node) -> {
			if (!TOP_LEVEL.contains(key)) {
				problems.add(node, "", "unknown top-level key \"" + key + "\"", Closest.suggestion(key, TOP_LEVEL)
						+ "use only " + new java.util.TreeSet<>(TOP_LEVEL));
			}
		});
		int version = whole(root, "version", problems, "version: 1").map(BigDecimal::intValue).orElse(0);
		long seed = whole(root, "seed", problems, "seed: 42").map(BigDecimal::longValue).orElse(0L);
		Map<String, BigDecimal> profiles = new TreeMap<>();
		root.get("profiles").ifPresent(node -> {
			if (!node.isMap()) {
				problems.add(node, "", "profiles must map a name to a scale factor", "write profiles: {small: 0.1, large: 10}");
				return;
			}
			node.map().forEach((name, factor) -> {
				if (factor.number().filter(f -> f.signum() > 0).isEmpty()) {
					problems.add(factor, "", "the scale of profile \"" + name + "\" must be a number > 0",
							"write " + name + ": 0.5");
				}
				else {
					profiles.put(name, factor.number().get());
				}
			});
		});
		root.get("limits").ifPresent(node -> checkLimits(node, problems));
		List<FixturePlan> fixtures = Fixtures.read(root.get("fixtures"), baseDirectory, problems);
		if (problems.isEmpty()) {
			// Limits are checked when seeding, where options may raise them; here they only bound exact counting.
			Compiler.compile(tables(root), seed, version, locale(root), BigDecimal.ONE, "default", Optional.empty(),
					fixtures, new Compiler.Limits(limits(root).orElse(RowLimits.DEFAULT), false), problems);
		}
		problems.throwIfAny();
		return new SeedRules(sourceName, version, seed, profiles, root, baseDirectory, hash(root, baseDirectory));
	}

	private static Optional<BigDecimal> whole(YamlNode root, String key, Problems problems, String example) {
		Optional<YamlNode> node = root.get(key);
		if (node.isEmpty()) {
			problems.add(root, "", "seed rules need \"" + key + "\"", "add " + example + " at the top");
			return Optional.empty();
		}
		Optional<BigDecimal> number = node.get().number().filter(n -> n.stripTrailingZeros().scale() <= 0);
		if (number.isEmpty()) {
			problems.add(node.get(), "", "\"" + key + "\" must be a whole number, not \"" + node.get().text() + "\"",
					"write " + example);
		}
		return number;
	}

	private static void checkLimits(YamlNode node, Problems problems) {
		String example = "limits: {rowsPerTable: 20000000, rows: 50000000}";
		if (!node.isMap()) {
			problems.add(node, "", "limits must be a map", "write " + example);
			return;
		}
		node.map().forEach((key, value) -> {
			if (!LIMIT_KEYS.containsKey(key)) {
				problems.add(value, "", "unknown limit \"" + key + "\"", Closest.suggestion(key, LIMIT_KEYS.keySet())
						+ "use rowsPerTable and rows, e.g. " + example);
			}
			else if (value.number().filter(n -> n.signum() > 0 && n.stripTrailingZeros().scale() <= 0
					&& n.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0).isEmpty()) {
				problems.add(value, "", "limits." + key + " (the most " + LIMIT_KEYS.get(key) + ") must be a whole "
						+ "number >= 1, not \"" + value.text() + "\"", "write " + example);
			}
		});
	}

	/** The rules' own {@code limits:}, each missing one from {@link RowLimits#DEFAULT}. Only for checked rules. */
	private static Optional<RowLimits> limits(YamlNode root) {
		return root.get("limits").map(node -> new RowLimits(
				node.get("rowsPerTable").flatMap(YamlNode::number).map(BigDecimal::longValue)
					.orElse(RowLimits.DEFAULT.perTable()),
				node.get("rows").flatMap(YamlNode::number).map(BigDecimal::longValue).orElse(RowLimits.DEFAULT.total())));
	}

	/** The row limits these rules set with {@code limits:}, if they do. */
	public Optional<RowLimits> limits() {
		return limits(root);
	}

	private static YamlNode tables(YamlNode root) {
		return root.get("tables").orElse(new YamlNode(root.source(), root.line(), root.column(), Optional.empty(),
				Map.of(), List.of(), YamlNode.Kind.NULL));
	}

	private static Locale locale(YamlNode root) {
		return root.get("locale").map(l -> Locale.forLanguageTag(l.text())).orElse(Locale.ENGLISH);
	}

	private static String hash(YamlNode root, Path baseDirectory) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(CanonicalJson.write(root.toJson()));
			for (String file : Fixtures.files(root.get("fixtures"))) {
				digest.update(file.getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
				digest.update(Files.readAllBytes(baseDirectory.resolve(file)));
			}
			return "sha256:" + HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The scale of {@code profile}; {@code default} is 1 unless the rules say otherwise. */
	BigDecimal scale(String profile, Problems problems) {
		BigDecimal scale = profiles.get(profile);
		if (scale == null && !profile.equals("default")) {
			problems.add(root, "", "there is no profile \"" + profile + "\"", Closest.suggestion(profile, profiles.keySet())
					+ "use one of " + profiles.keySet()
					+ " or default, or add profiles: {" + profile + ": 1}");
		}
		return scale == null ? BigDecimal.ONE : scale;
	}

	/** Compiles the rules against the live schema and checks their size against {@code limits}, collecting every problem. */
	Plan plan(SchemaModel schema, String profile, RowLimits limits, Problems problems) {
		return plan(Optional.of(schema), profile, new Compiler.Limits(limits, true), problems);
	}

	/**
	 * Compiles the rules, against {@code schema} when given, without checking their size. For dbparity's own tools and
	 * tests; may change in any minor release.
	 */
	public Plan plan(Optional<SchemaModel> schema, String profile, Problems problems) {
		return plan(schema, profile, new Compiler.Limits(limits().orElse(RowLimits.DEFAULT), false), problems);
	}

	private Plan plan(Optional<SchemaModel> schema, String profile, Compiler.Limits limits, Problems problems) {
		BigDecimal scale = scale(profile, problems);
		List<FixturePlan> fixtures = Fixtures.read(root.get("fixtures"), baseDirectory, problems);
		schema.ifPresent(s -> Fixtures.check(fixtures, root.get("fixtures"), s, problems));
		return Compiler.compile(tables(root), seed, version, locale(root), scale, profile, schema, fixtures, limits,
				problems);
	}

	/**
	 * These rules restricted to what exists at migration {@code version} of a database whose schema is
	 * {@code snapshot}: table and column rules whose table or column does not exist, or whose {@code since:} is after
	 * the version, are left out, and so is what depends on them (rows per a left-out parent, references to a left-out
	 * table or column, templates reading a left-out column), each with an {@link RestrictedRules.Omission}. Every value
	 * of what is kept is the one these rules give at the latest version. See {@code seeding/SEED-RULES.md}.
	 *
	 * @param version a migration version such as {@code 5}, {@code 2.1} or {@code 20230101120000}
	 * @throws SeedRulesException when a table or column whose {@code since:} is not after {@code version} does not
	 *         exist, naming the rule, the version and the fix
	 * @throws IllegalArgumentException when {@code version} is not a migration version
	 */
	public RestrictedRules at(String version, SchemaSnapshot snapshot) {
		Version at = Version.parse(version).orElseThrow(() -> new IllegalArgumentException("\"" + version
				+ "\" is not a migration version: write numbers separated by '.' or '_', such as 5, 2.1 or 20230101120000"));
		Problems problems = new Problems();
		Restriction.Result restricted = Restriction.of(root, baseDirectory, version, at, SchemaModel.of(snapshot),
				problems);
		problems.throwIfAny();
		return new RestrictedRules(new SeedRules(source, this.version, seed, profiles, restricted.root(), baseDirectory,
				hash(restricted.root(), baseDirectory)), version, restricted.located(), restricted.omissions());
	}

	/** The names of the tables with rules, in file order. */
	public List<String> tables() {
		return List.copyOf(tables(root).map().keySet());
	}
}
