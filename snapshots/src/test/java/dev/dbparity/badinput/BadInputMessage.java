package dev.dbparity.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.api.SoftAssertions;

/**
 * The three marks every bad-input message must score: it says <em>what</em> is wrong, <em>where</em> (a
 * {@code file:line[:column]}, {@code table.column}, key or migration version) and <em>how to fix it</em>. One method
 * with all three as required arguments, so that no catalogue test can check fewer.
 */
public final class BadInputMessage {

	private BadInputMessage() {
	}

	/**
	 * Asserts that {@code message} contains each fragment (case-insensitively) and no text that reads as a secret.
	 *
	 * @param what a fragment naming the mistake
	 * @param where a fragment naming the place: {@code seed.yaml:12:7}, {@code orders.status}, {@code dbparity.isolation}
	 * @param fix a fragment of the advice that repairs it
	 */
	public static void assertSays(String message, String what, String where, String fix) {
		assertThat(message).as("the error message").isNotBlank();
		SoftAssertions softly = new SoftAssertions();
		softly.assertThat(message).as("says what is wrong").containsIgnoringCase(what);
		softly.assertThat(message).as("says where").containsIgnoringCase(where);
		softly.assertThat(message).as("says how to fix it").containsIgnoringCase(fix);
		softly.assertAll();
	}

	/** {@link #assertSays} for an exception's message, followed through its causes' messages. */
	public static void assertSays(Throwable thrown, String what, String where, String fix) {
		assertThat(thrown).as("an error").isNotNull();
		assertSays(fullMessage(thrown), what, where, fix);
	}

	/** Asserts that none of {@code secrets} (passwords, raw personal values) appears in {@code text}. */
	public static void assertRevealsNone(String text, String... secrets) {
		for (String secret : secrets) {
			assertThat(text).as("reveals no secret").doesNotContain(secret);
		}
	}

	/** The messages of {@code thrown} and of its causes, one per line, as a user reading the stack would see them. */
	public static String fullMessage(Throwable thrown) {
		StringBuilder text = new StringBuilder();
		for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t.getMessage() != null) {
				text.append(t.getMessage()).append('\n');
			}
		}
		return text.toString();
	}
}
