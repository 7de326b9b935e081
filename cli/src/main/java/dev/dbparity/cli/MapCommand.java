package dev.dbparity.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import dev.dbparity.snapshots.drift.DriftMap;
import dev.dbparity.snapshots.drift.DriftMapHtmlReport;
import dev.dbparity.snapshots.drift.DriftMapJsonReport;
import dev.dbparity.snapshots.drift.DriftMapMarkdownReport;
import dev.dbparity.snapshots.drift.DriftMapTextReport;
import dev.dbparity.snapshots.drift.Environment;
import dev.dbparity.snapshots.drift.Section;
import dev.dbparity.snapshots.names.ClosestNames;
import dev.dbparity.snapshots.redaction.Redaction;

/**
 * {@code dbparity map}: where several environments differ, in one picture: each environment a live database or a
 * baseline directory, named on the command line ({@code dev=jdbc:… prod=parity/baseline/production}); an environment
 * that cannot be read is a column of errors and the others are kept.
 */
@Command(name = "map", mixinStandardHelpOptions = true,
		description = "Map where several environments differ: a row per object, setting or statistic that differs "
				+ "anywhere, a column per environment, equal values sharing a letter. Exit 0: no environment drifts "
				+ "from the reference in a --fail-on section; 1: one does; 2: an error, or an environment could not be "
				+ "read (the map is still written, with that column marked).")
final class MapCommand implements Callable<Integer> {

	/** Names users give environments: what reads well as a column heading and cannot be taken for a URL or a path. */
	private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");

	/** What {@code --fail-on} means when not given: what breaks the application or loses data. */
	static final Set<Section> DEFAULT_FAIL_ON = EnumSet.of(Section.DESTRUCTIVE, Section.INCOMPATIBLE);

	private static final String EXAMPLE = "dbparity map dev=jdbc:postgresql://localhost:5432/shop "
			+ "prod=parity/baseline/production";

	@Spec
	CommandSpec spec;

	@Parameters(paramLabel = "NAME=SOURCE", arity = "0..*",
			description = "An environment: a name of your choice, '=', and a JDBC URL or a baseline directory, e.g. "
					+ "staging=jdbc:postgresql://staging:5432/shop or prod=parity/baseline/production. Two or more.")
	List<String> environments = List.of();

	@Option(names = "--reference", paramLabel = "NAME",
			description = "The environment the others are measured against: its values are variant A, and drift "
					+ "from it sets the exit code (default: the first environment).")
	Optional<String> reference = Optional.empty();

	@Option(names = "--fail-on", paramLabel = "SECTION", split = ",",
			description = "Sections in which drift from the reference exits 1, comma-separated: categories "
					+ "(CONFIGURATION, DESTRUCTIVE, INCOMPATIBLE, INTEGRITY, PERFORMANCE, SECURITY, ADDITIVE, NAMING, "
					+ "COLUMN_ORDER), STATISTICS, all, or none (default: DESTRUCTIVE,INCOMPATIBLE).")
	List<String> failOn;

	@Mixin
	ComparisonOptions comparison;

	/** An environment as given: its name and source. */
	private record Named(String name, String source) {
	}

	@Override
	public Integer call() {
		PrintWriter err = spec.commandLine().getErr();
		// Every argument first: a mistake in one must not wait for the captures of the others.
		List<Named> named = parse(environments);
		String referenceName = reference.map(name -> referenceAmong(name, named)).orElse(named.get(0).name());
		Set<Section> failing = failOn == null ? DEFAULT_FAIL_ON : sections(failOn);
		comparison.checkFiles();
		named.forEach(environment -> Side.check("map " + environment.name() + "=", environment.source()));
		ComparisonOptions.Plan plan = comparison.plan();

		List<Environment> opened = new ArrayList<>();
		for (Named environment : named) {
			opened.add(open(environment, plan, err));
		}
		opened = sameEngineAs(referenceName, opened);
		DriftMap map;
		try {
			map = DriftMap.build(opened, referenceName, plan.ignore(), plan.statisticsTolerances(),
					comparison.statisticsMode.mode);
		}
		catch (IllegalArgumentException e) {
			throw new CliException("--statistics-mode " + comparison.statisticsMode + ": " + e.getMessage(), e);
		}
		String report = switch (comparison.report.format) {
			case text -> DriftMapTextReport.render(map);
			case markdown -> DriftMapMarkdownReport.render(map);
			case json -> DriftMapJsonReport.render(map);
			case html -> DriftMapHtmlReport.render(map);
		};
		// A report file does not pass the console's redaction; the passwords of the arguments are taken out here too.
		Output.write(comparison.report.output, Redaction.text(report, secrets()), spec.commandLine().getOut());
		return exitCode(map, failing, err);
	}

	private int exitCode(DriftMap map, Set<Section> failing, PrintWriter err) {
		List<Environment> failed = map.environments().stream().filter(Environment::isFailed).toList();
		for (Environment environment : failed) {
			err.println("dbparity: " + environment.name() + " could not be read, so its column holds no values: "
					+ environment.error().orElseThrow());
		}
		if (map.referenceEnvironment().isFailed()) {
			err.println("dbparity: the reference " + map.reference() + " could not be read, so no environment's drift "
					+ "from it is known. Fix what kept it from being read, or name another environment with "
					+ "--reference NAME.");
		}
		if (!failed.isEmpty()) {
			return DbParity.ERROR;
		}
		List<String> drifting = map.drifting(failing);
		if (drifting.isEmpty()) {
			return DbParity.SAME;
		}
		err.println("dbparity: " + String.join(", ", drifting) + (drifting.size() == 1 ? " drifts" : " drift")
				+ " from " + map.reference() + " in " + failing.stream().filter(section -> drifting.stream()
					.anyMatch(name -> map.drift().get(name).contains(section))).map(Section::name)
					.collect(Collectors.joining(", "))
				+ " (--fail-on " + (failOn == null ? "DESTRUCTIVE,INCOMPATIBLE, the default" : String.join(",", failOn))
				+ ")");
		return DbParity.DIFFERENT;
	}

	/** Opens one environment; one that cannot be read becomes a column of errors, and the others are still read. */
	private Environment open(Named environment, ComparisonOptions.Plan plan, PrintWriter err) {
		try {
			Side side = Side.open(environment.name() + "=", environment.source(), comparison.credentials,
					plan.capture(), err);
			return Environment.read(environment.name(), side.label(), side.schema(), side.statistics());
		}
		// Whatever keeps one environment from being read (a connection, a baseline, a capture refused) marks its column.
		catch (RuntimeException e) {
			return Environment.failed(environment.name(), environment.source(),
					Redaction.text(e.getMessage(), secrets()));
		}
	}

	/** Environments of another engine than the reference's are columns of errors: schemas of two engines never match. */
	private static List<Environment> sameEngineAs(String referenceName, List<Environment> environments) {
		Optional<String> engine = environments.stream().filter(environment -> environment.name().equals(referenceName))
			.flatMap(environment -> environment.schema().stream()).map(schema -> schema.engine()).findFirst();
		if (engine.isEmpty()) {
			return environments;
		}
		return environments.stream().map(environment -> environment.schema()
			.filter(schema -> !schema.engine().equals(engine.get()))
			.map(schema -> Environment.failed(environment.name(), environment.source(), environment.name() + " is "
					+ schema.engine() + " but the reference " + referenceName + " is " + engine.get()
					+ ": a map compares environments of one engine, whose schemas can match. Map the " + schema.engine()
					+ " environments in a map of their own, or leave " + environment.name() + " out."))
			.orElse(environment)).toList();
	}

	/** {@code NAME=SOURCE} arguments, checked: two or more, each named, names distinct. */
	private static List<Named> parse(List<String> arguments) {
		Map<String, Named> byName = new LinkedHashMap<>();
		for (String argument : arguments) {
			int equals = argument.indexOf('=');
			String name = equals < 0 ? "" : argument.substring(0, equals);
			if (equals < 0 || !NAME.matcher(name).matches()) {
				String source = name.isEmpty() && equals >= 0 ? argument.substring(1) : argument;
				throw new CliException("map " + Urls.shown(argument) + ": an environment is NAME=SOURCE, a name of your "
						+ "choice before '=' (letters, digits, '_', '-', '.', starting with a letter), then a JDBC URL or a "
						+ "baseline directory; this argument reads as a source without a name. Name it, e.g. staging="
						+ Urls.shown(source) + ".");
			}
			String source = argument.substring(equals + 1);
			if (source.isBlank()) {
				throw new CliException("map " + argument + ": the environment " + name + " has nothing after '=': give "
						+ "its JDBC URL or baseline directory, e.g. " + name + "=jdbc:postgresql://host:5432/shop or "
						+ name + "=parity/baseline/" + name + ".");
			}
			Named earlier = byName.values().stream().filter(other -> other.name().equalsIgnoreCase(name)).findFirst()
				.orElse(null);
			if (earlier != null) {
				throw new CliException("map " + name + "=…: the name " + name + " is given twice (" + earlier.name() + "="
						+ Urls.shown(earlier.source()) + " and " + name + "=" + Urls.shown(source) + "), and each name is "
						+ "a column of the map. Give each environment its own name, e.g. " + name + "-eu=… " + name
						+ "-us=….");
			}
			byName.put(name, new Named(name, source));
		}
		if (byName.size() < 2) {
			throw new CliException("map " + byName.keySet().stream().map(name -> name + "=…")
				.collect(Collectors.joining(" ")) + ": a map compares two environments or more, and "
					+ (byName.isEmpty() ? "none was" : "only one was") + " given. Name each after the command, e.g. "
					+ EXAMPLE + " (to compare two, dbparity diff does too).");
		}
		return List.copyOf(byName.values());
	}

	private static String referenceAmong(String name, List<Named> named) {
		List<String> names = named.stream().map(Named::name).toList();
		if (names.contains(name)) {
			return name;
		}
		throw new CliException("--reference " + name + ": no environment is named " + name + "; the environments are "
				+ String.join(", ", names) + ". " + ClosestNames.closest(name, names).map(closest -> "Did you mean "
						+ closest + "? ").orElse("")
				+ "Give the name before '=' of one of them, e.g. --reference " + ClosestNames.closest(name, names)
					.orElse(names.get(0)) + ".");
	}

	private static Set<Section> sections(List<String> names) {
		if (names.size() == 1 && names.get(0).trim().equalsIgnoreCase("none")) {
			return Set.of();
		}
		if (names.size() == 1 && names.get(0).trim().equalsIgnoreCase("all")) {
			return EnumSet.allOf(Section.class);
		}
		Set<Section> sections = EnumSet.noneOf(Section.class);
		List<String> known = Arrays.stream(Section.values()).map(Enum::name).toList();
		for (String name : names) {
			sections.add(Section.named(name).orElseThrow(() -> new CliException("--fail-on " + name + ": not a "
					+ "section; allowed: " + String.join(", ", known) + ", all or none. " + ClosestNames
						.closest(name.trim().toUpperCase(Locale.ROOT), known).map(section -> "Did you mean " + section
								+ "? ").orElse("")
					+ "Write e.g. --fail-on DESTRUCTIVE,INCOMPATIBLE.")));
		}
		return sections;
	}

	/** The passwords of the command line, as the console's redaction knows them. */
	private Set<String> secrets() {
		return Credentials.secretsIn(spec.commandLine().getParseResult().originalArgs().toArray(String[]::new),
				System.getenv());
	}
}
