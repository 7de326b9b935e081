package dev.dbparity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RedactingWriterTests {

	@Test
	void aPasswordWrittenInPiecesIsRecognisedOnceItsLineEnds() throws IOException {
		StringWriter target = new StringWriter();
		RedactingWriter writer = new RedactingWriter(target, Set.of("hunter2"));

		writer.write("connecting as hun");
		writer.write("ter2 to jdbc:mysql://root:se");
		assertThat(target.toString()).isEmpty();
		writer.write("cret@db/shop?password=x\nnext ");
		assertThat(target.toString()).isEqualTo("connecting as *** to jdbc:mysql://root:***@db/shop?password=***\n");

		writer.write("hunter2");
		writer.flush();
		assertThat(target.toString()).endsWith("\nnext ***");
	}

	@Test
	void theCommandLinesSecretsAreItsUrlsPasswordsTheVariablesValueAndAWordAfterPassword() {
		String[] args = { "capture", "--url", "jdbc:postgresql://db/shop?password=a1", "--password-env", "DB_PW",
				"--password", "b2", "--pwd=c3" };

		assertThat(Credentials.secretsIn(args, Map.of("DB_PW", "d4"))).containsExactlyInAnyOrder("a1", "d4",
				"b2", "c3");
	}
}
