package dev.dbparity.snapshots.baseline;

import java.util.Map;
import java.util.function.Function;

/**
 * {@code UpdatesOnCi} is the one rule for every mode that rewrites a committed file — a baseline, a data-statistics
 * baseline, a seed lock — whichever front end asks for it: on CI ({@code CI=true}, which every CI service sets) the
 * update is refused, because a committed update flag must never turn CI green.
 *
 * @since 0.1
 */
public final class UpdatesOnCi {

	private UpdatesOnCi() {
	}

	/** Whether {@code environment} is a CI run's. */
	public static boolean isCi(Map<String, String> environment) {
		return "true".equalsIgnoreCase(environment.get("CI"));
	}

	/**
	 * Throws when {@code environment} is a CI run's, saying which setting was refused, why, and how to update
	 * {@code target} instead.
	 *
	 * @param setting the setting that asked for the update, as the user gave it ({@code dbparity.baseline.update=true})
	 * @param target the file or directory the update would rewrite
	 * @param howOnYourMachine how to ask for the update on a developer's machine ({@code -Ddbparity.baseline.update=true})
	 * @param alsoBecause a further reason for this file, starting with {@code ", "}, or empty
	 * @param exception the front end's exception for a setting it cannot use
	 */
	public static <X extends RuntimeException> void refuse(Map<String, String> environment, String setting,
			Object target, String howOnYourMachine, String alsoBecause, Function<String, X> exception) {
		if (isCi(environment)) {
			throw exception.apply(setting + " is refused because CI=true: a committed update flag must never turn CI green"
					+ alsoBecause + ". Update " + target + " on your machine with " + howOnYourMachine
					+ ", review the change, and commit it.");
		}
	}
}
