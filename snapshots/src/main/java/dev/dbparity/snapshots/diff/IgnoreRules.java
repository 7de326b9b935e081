package dev.dbparity.snapshots.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * {@code IgnoreRules} is the set of path globs whose schema differences a comparison reports as ignored instead of as
 * differences, for users who accept a known, harmless drift (an audit table only production has, comments).
 *
 * <p>A glob is matched against a difference's path ({@code public.orders.columns.total.type}, see
 * {@link Difference#path()}): {@code *} matches any characters within one segment, a {@code **} segment matches any
 * number of segments, none included. A glob that matches a path or any ancestor of it ignores the difference, so
 * {@code public.audit_*} ignores everything about tables whose names start with {@code audit_}. Keys that contain
 * {@code .} count as several segments; keys with spaces (foreign key, index and check keys) are matched with
 * {@code *}, as globs may not contain whitespace.
 *
 * <p>{@link #defaults()} ignores {@code **.owner}: owners are roles, which differ between environments (a local
 * superuser, a CI user, production's deploy role) without saying anything about the schema. Because globs match names
 * too, the default also ignores a table or column named {@code owner}; compare those with {@link #withoutDefaults()}.
 * Ignored differences are not lost: {@link SchemaDiffResult#ignored()} lists them.
 *
 * @param globs the globs, sorted and without duplicates
 * @since 0.1
 */
public record IgnoreRules(List<String> globs) {

	/** The globs {@link #defaults()} holds. */
	public static final List<String> DEFAULT_GLOBS = List.of("**.owner");

	/**
	 * @throws IllegalArgumentException for an empty glob or one with whitespace, naming the glob and the rule
	 */
	public IgnoreRules {
		Objects.requireNonNull(globs, "globs");
		globs.forEach(KeyPattern::compile);
		globs = List.copyOf(new TreeSet<>(globs));
	}

	/** The rules every comparison starts from: {@link #DEFAULT_GLOBS}. */
	public static IgnoreRules defaults() {
		return new IgnoreRules(DEFAULT_GLOBS);
	}

	/** No rules: every difference counts. */
	public static IgnoreRules none() {
		return new IgnoreRules(List.of());
	}

	/**
	 * These rules and {@code more}.
	 *
	 * @throws IllegalArgumentException for an empty glob or one with whitespace, naming the glob and the rule
	 */
	public IgnoreRules withGlobs(String... more) {
		List<String> all = new ArrayList<>(globs);
		all.addAll(Arrays.asList(more));
		return new IgnoreRules(all);
	}

	/** These rules without {@link #DEFAULT_GLOBS}. */
	public IgnoreRules withoutDefaults() {
		List<String> remaining = new ArrayList<>(globs);
		remaining.removeAll(DEFAULT_GLOBS);
		return new IgnoreRules(remaining);
	}

	/** Whether a glob matches {@code path} (segments separated by {@code .}) or one of its ancestors. */
	public boolean ignores(String path) {
		return ignores(Arrays.asList(path.split("\\.", -1)));
	}

	/** Whether a glob matches the path with these segments or one of its ancestors. */
	public boolean ignores(List<String> segments) {
		return globs.stream().map(KeyPattern::compile).anyMatch(glob -> glob.matchesPathOrAncestor(segments));
	}
}
