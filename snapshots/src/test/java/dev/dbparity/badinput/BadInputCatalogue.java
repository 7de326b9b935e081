package dev.dbparity.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Keeps a module's bad-input catalogue and its tests in step: every entry of {@code BAD-INPUTS.md} (a heading
 * {@code ### AREA-123 · title}) says what the user sees, where, and how to fix it, and has exactly one test method
 * annotated {@link BadInputEntry} in the module's own test classes; every such test is documented.
 */
public final class BadInputCatalogue {

	private static final Pattern HEADING = Pattern.compile("(?m)^### ([A-Z]+-\\d{3}) · (.+)$");

	private BadInputCatalogue() {
	}

	/** The documented entries of {@code document}, id to its section text. */
	public static Map<String, String> entries(Path document) {
		String text;
		try {
			text = Files.readString(document);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		Map<String, String> entries = new TreeMap<>();
		Matcher heading = HEADING.matcher(text);
		boolean found = heading.find();
		while (found) {
			String id = heading.group(1);
			int start = heading.start();
			found = heading.find();
			int end = found ? heading.start() : text.length();
			int nextSection = text.indexOf("\n## ", start);
			String section = text.substring(start, nextSection > 0 && nextSection < end ? nextSection : end);
			assertThat(entries.put(id, section)).as("entry %s is documented once", id).isNull();
		}
		return entries;
	}

	/**
	 * Asserts that {@code document} and the {@link BadInputEntry} tests among this module's test classes below
	 * {@code basePackage} name the same entries, and that each documented entry has its three marks.
	 */
	public static void assertDocumentMatchesTests(Path document, String basePackage) {
		Map<String, String> documented = entries(document);
		assertThat(documented).as("entries in %s", document).isNotEmpty();
		documented.forEach((id, section) -> {
			assertThat(section).as("%s says what the user sees", id).contains("**Message:**");
			assertThat(section).as("%s says why", id).contains("**Why:**");
			assertThat(section).as("%s says how to fix it", id).contains("**Fix:**");
		});
		Map<String, String> tested = new TreeMap<>();
		Path ownClasses = ownTestClasses();
		for (Class<?> testClass : ReflectionSupport.findAllClassesInPackage(basePackage, c -> isIn(c, ownClasses),
				name -> true)) {
			for (Method method : testClass.getDeclaredMethods()) {
				BadInputEntry entry = method.getAnnotation(BadInputEntry.class);
				if (entry != null) {
					String where = testClass.getName() + "#" + method.getName();
					String previous = tested.put(entry.value(), where);
					assertThat(previous).as("entry %s is tested once (also by %s)", entry.value(), where).isNull();
				}
			}
		}
		assertThat(new TreeSet<>(tested.keySet())).as("entries tested in this module vs documented in %s", document)
				.isEqualTo(new TreeSet<>(documented.keySet()));
	}

	/** Asserts that no id is documented in more than one of {@code documents}: an id names one mistake. */
	public static void assertIdsUniqueAcross(Path... documents) {
		Map<String, Path> seen = new TreeMap<>();
		for (Path document : documents) {
			for (String id : entries(document).keySet()) {
				Path previous = seen.put(id, document);
				assertThat(previous).as("%s is documented in %s and in %s", id, previous, document).isNull();
			}
		}
	}

	private static Path ownTestClasses() {
		return Path.of("target", "test-classes").toAbsolutePath().normalize();
	}

	private static boolean isIn(Class<?> type, Path classes) {
		try {
			var source = type.getProtectionDomain().getCodeSource();
			return source != null && Path.of(source.getLocation().toURI()).toAbsolutePath().normalize().equals(classes);
		} catch (URISyntaxException e) {
			return false;
		}
	}
}
