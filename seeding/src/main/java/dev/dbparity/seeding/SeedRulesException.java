package dev.dbparity.seeding;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code SeedRulesException} reports every problem found in seed rules at once: malformed YAML, unknown generators or
 * parameters, and, when seeding, disagreements with the live schema. Nothing has been written when it is thrown.
 *
 * @since 0.1
 */
public final class SeedRulesException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient List<SeedProblem> problems;

	public SeedRulesException(List<SeedProblem> problems) {
		super(message(problems));
		this.problems = List.copyOf(problems);
	}

	private static String message(List<SeedProblem> problems) {
		return problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in seed rules; nothing was "
				+ "written:\n" + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
	}

	public List<SeedProblem> problems() {
		return problems;
	}
}
