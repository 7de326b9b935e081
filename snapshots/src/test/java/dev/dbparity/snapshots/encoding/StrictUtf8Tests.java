package dev.dbparity.snapshots.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class StrictUtf8Tests {

	private static byte[] bytes(String prefix, int... rest) {
		byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
		byte[] all = new byte[head.length + rest.length];
		System.arraycopy(head, 0, all, 0, head.length);
		for (int i = 0; i < rest.length; i++) {
			all[head.length + i] = (byte) rest[i];
		}
		return all;
	}

	@Test
	void decodesUtf8WithNonBmpCharactersUnchanged() {
		String text = "INSERT INTO t VALUES ('Zoë 😀 ß');\r\n";

		assertThat(StrictUtf8.decode(text.getBytes(StandardCharsets.UTF_8), "V1__x.sql")).isEqualTo(text);
	}

	@Test
	void skipsAUtf8ByteOrderMark() {
		assertThat(StrictUtf8.decode(bytes("", 0xEF, 0xBB, 0xBF, 'S', 'Q', 'L'), "V1__x.sql")).isEqualTo("SQL");
	}

	@Test
	void reportsTheLineColumnAndByteOffsetOfALatin1Byte() {
		// "Zoë" saved as Latin-1: 0xE9 followed by a quote is no UTF-8 sequence.
		byte[] latin1 = bytes("CREATE TABLE t (n text);\r\nINSERT INTO t VALUES ('Zo", 0xEB, '\'', ')', ';');

		assertThatExceptionOfType(InvalidUtf8Exception.class).isThrownBy(() -> StrictUtf8.decode(latin1, "V1__x.sql"))
			.satisfies(e -> {
				assertThat(e.line()).isEqualTo(2);
				assertThat(e.column()).isEqualTo(26);
				assertThat(e.byteOffset()).isEqualTo(51);
			})
			.withMessage("V1__x.sql:2:26: invalid UTF-8 at byte offset 51 (0xEB): dbparity reads files as UTF-8, and "
					+ "this one was probably saved in another encoding (such as Latin-1 or Windows-1252). Fix: re-save "
					+ "the file as UTF-8 (e.g. iconv -f WINDOWS-1252 -t UTF-8), and check the text at that position.");
	}

	@Test
	void countsColumnsInCharactersAfterMultiByteOnes() {
		byte[] text = bytes("😀é", 0xC3);

		assertThatExceptionOfType(InvalidUtf8Exception.class).isThrownBy(() -> StrictUtf8.decode(text, "f.csv"))
			.withMessageStartingWith("f.csv:1:3: invalid UTF-8 at byte offset 6 (0xC3)");
	}

	@Test
	void namesAUtf16File() {
		assertThatExceptionOfType(InvalidUtf8Exception.class)
			.isThrownBy(() -> StrictUtf8.decode(bytes("", 0xFF, 0xFE, 'S', 0), "V1__x.sql"))
			.withMessageContaining("V1__x.sql:1:1: the file is UTF-16")
			.withMessageContaining("re-save the file as UTF-8");
	}
}
