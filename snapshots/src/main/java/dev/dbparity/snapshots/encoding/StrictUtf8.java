package dev.dbparity.snapshots.encoding;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * {@code StrictUtf8} decodes the files dbparity reads (migrations, fixtures) as UTF-8 and refuses any that is not.
 *
 * <p>{@code new String(bytes, UTF_8)} replaces each invalid byte with U+FFFD, which then lands in the test database as
 * data nobody wrote; a file saved as Latin-1 or Windows-1252 is the usual cause. A UTF-8 byte-order mark at the start
 * is accepted and skipped: some Windows editors write one, and it is not part of the text. A UTF-16 one is reported
 * as such.
 *
 * @since 0.1
 */
public final class StrictUtf8 {

	private static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private StrictUtf8() {
	}

	/**
	 * The text of {@code bytes}, without a leading UTF-8 byte-order mark.
	 *
	 * @param source the file as users know it, for the message
	 * @throws InvalidUtf8Exception at the first byte that is not UTF-8, with its line, column and byte offset
	 */
	public static String decode(byte[] bytes, String source) {
		int start = startsWith(bytes, UTF8_BOM) ? UTF8_BOM.length : 0;
		if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
				|| (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
			throw new InvalidUtf8Exception(source, 1, 1, 0, "the file is UTF-16 (it starts with a UTF-16 byte-order "
					+ "mark, byte offset 0), but dbparity reads UTF-8", "re-save the file as UTF-8");
		}
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
		CharBuffer out = CharBuffer.allocate((int) Math.ceil((bytes.length - start) * (double) decoder.maxCharsPerByte()));
		CoderResult result = decoder.decode(in, out, true);
		if (result.isError()) {
			throw invalid(bytes, in.position(), result.length(), out.flip(), source);
		}
		// UTF-8 keeps no state between bytes that flush() could still report: decode() saw every byte.
		decoder.flush(out);
		return out.flip().toString();
	}

	/** The message shows no text of the file: a fixture's lines may hold personal data that its rules mask. */
	private static InvalidUtf8Exception invalid(byte[] bytes, int offset, int length, CharSequence before,
			String source) {
		int line = 1;
		int lineStart = 0;
		for (int i = 0; i < before.length(); i++) {
			char c = before.charAt(i);
			if (c == '\n' || (c == '\r' && (i + 1 == before.length() || before.charAt(i + 1) != '\n'))) {
				line++;
				lineStart = i + 1;
			}
		}
		CharSequence lineSoFar = before.subSequence(lineStart, before.length());
		int column = (int) lineSoFar.codePoints().count() + 1;
		String hex = HexFormat.ofDelimiter(" ").withPrefix("0x").withUpperCase()
			.formatHex(bytes, offset, Math.min(bytes.length, offset + Math.max(1, length)));
		return new InvalidUtf8Exception(source, line, column, offset, "invalid UTF-8 at byte offset " + offset + " ("
				+ hex + "): dbparity reads files as UTF-8, and this one was probably saved in another encoding (such as "
				+ "Latin-1 or Windows-1252)", "re-save the file as UTF-8 (e.g. iconv -f WINDOWS-1252 -t UTF-8), and "
				+ "check the text at that position");
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}
}
