package dev.dbparity.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.Set;

import dev.dbparity.snapshots.redaction.Redaction;

/**
 * {@code RedactingWriter} passes everything the command line prints through {@link Redaction}, line by line: whatever
 * path a message takes (ours, picocli's, a driver's), no password given in the arguments or the environment reaches the
 * console.
 */
final class RedactingWriter extends Writer {

	private final Writer target;
	private final Set<String> secrets;
	/** The current line: a password is only recognised whole, so text is redacted when its line ends or on flush. */
	private final StringBuilder line = new StringBuilder();

	RedactingWriter(Writer target, Set<String> secrets) {
		this.target = target;
		this.secrets = Set.copyOf(secrets);
	}

	@Override
	public void write(char[] characters, int offset, int length) throws IOException {
		line.append(characters, offset, length);
		int end = line.lastIndexOf("\n");
		if (end >= 0) {
			target.write(Redaction.text(line.substring(0, end + 1), secrets));
			line.delete(0, end + 1);
		}
	}

	@Override
	public void flush() throws IOException {
		if (!line.isEmpty()) {
			target.write(Redaction.text(line.toString(), secrets));
			line.setLength(0);
		}
		target.flush();
	}

	@Override
	public void close() throws IOException {
		flush();
		target.close();
	}
}
