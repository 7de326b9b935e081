package dev.dbparity.junit;

import static dev.dbparity.badinput.BadInputMessage.assertRevealsNone;
import static dev.dbparity.badinput.BadInputMessage.assertSays;
import static dev.dbparity.junit.ParityTestKit.executeTestClass;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import dev.dbparity.badinput.BadInputEntry;

/**
 * Keys given as JVM system properties ({@code -D…}) are checked as those of {@code junit-platform.properties} are.
 * Isolated: a system property is seen by every class running at the same time.
 */
@Isolated
class SystemPropertyKeysTests {

	@Test
	@BadInputEntry("CONF-002")
	void aMisspeltPasswordKeyAsASystemPropertyFailsWithoutShowingItsValue() {
		System.setProperty("dbparity.postgres.pasword", "s3cret-Pa55");
		String message;
		try {
			message = ConfigurationBadInputTests.classFailure(executeTestClass(
					ConfigurationBadInputTests.BaselineTestCase.class));
		}
		finally {
			System.clearProperty("dbparity.postgres.pasword");
		}

		assertSays(message, "Unknown dbparity configuration parameter 'dbparity.postgres.pasword'",
				"system property -Ddbparity.postgres.pasword", "did you mean 'dbparity.postgres.password'?");
		assertRevealsNone(message, "s3cret-Pa55");
	}
}
