package dev.dbparity.seeding.faker;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import net.datafaker.Faker;
import net.datafaker.service.RandomService;

import dev.dbparity.seeding.internal.CellRandom;

/**
 * {@code FakerExpressions} evaluates Datafaker expressions ({@code "#{Internet.emailAddress}"}) deterministically per
 * cell. It is the only place dbparity touches Datafaker.
 *
 * <p>One instance per generating thread: it keeps one {@link Faker} per locale over one {@link CellRandom}, which the
 * caller {@linkplain CellRandom#reset resets} before every cell. Resetting one seeded instance is far cheaper than a new
 * {@code Faker} per cell (see {@code FakerExpressionsTests#resettingOneInstanceIsCheaperThanOnePerCell}), and gives the
 * same values, since Datafaker draws only from the random source it is given.
 *
 * <p>May change in any minor release. Not thread-safe.
 *
 * @since 0.1
 */
public final class FakerExpressions {

	private final CellRandom random;

	private final Map<Locale, Faker> fakers = new HashMap<>();

	public FakerExpressions(CellRandom random) {
		this.random = random;
	}

	/** The random source to reset before each {@link #evaluate}. */
	public CellRandom random() {
		return random;
	}

	/**
	 * The value of {@code expression} for the current state of {@link #random()}.
	 *
	 * @throws RuntimeException (Datafaker's) when the expression does not resolve
	 */
	public String evaluate(String expression, Locale locale) {
		return fakers.computeIfAbsent(locale, l -> new Faker(l, new RandomService(random))).expression(expression);
	}

	/**
	 * Why {@code expression} cannot be evaluated, if it cannot: tried on a few cells, since Datafaker resolves lazily.
	 */
	public static Optional<String> problem(String expression, Locale locale) {
		FakerExpressions faker = new FakerExpressions(new CellRandom());
		try {
			for (int row = 0; row < 3; row++) {
				faker.random.reset(0x5EEDL, row);
				String value = faker.evaluate(expression, locale);
				if (value == null || value.contains("#{")) {
					return Optional.of("it evaluates to \"" + value + "\"");
				}
			}
			return Optional.empty();
		}
		catch (RuntimeException e) {
			// Datafaker's message goes on to print its context with identity hash codes, which differ every run.
			String message = String.valueOf(e.getMessage());
			int context = message.indexOf(" directive for ");
			return Optional.of(context < 0 ? message : message.substring(0, context));
		}
	}

	/**
	 * Whether Datafaker is on the classpath: it is an optional dependency, which only projects whose seed rules use
	 * {@code faker:} add, so that dbparity never brings it (and its version) to the others.
	 */
	public static boolean available() {
		try {
			Class.forName("net.datafaker.Faker", false, FakerExpressions.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException e) {
			return false;
		}
	}

	/**
	 * Datafaker's version, recorded in {@code seed.lock.json} since an upgrade may change generated values;
	 * {@code none} without Datafaker, whose rules then have no {@code faker:} generator.
	 */
	public static String version() {
		if (!available()) {
			return "none";
		}
		try (InputStream in = Faker.class
			.getResourceAsStream("/META-INF/maven/net.datafaker/datafaker/pom.properties")) {
			if (in != null) {
				Properties properties = new Properties();
				properties.load(in);
				return properties.getProperty("version", "unknown");
			}
		}
		catch (IOException e) {
			return "unknown";
		}
		return Optional.ofNullable(Faker.class.getPackage().getImplementationVersion()).orElse("unknown");
	}
}
