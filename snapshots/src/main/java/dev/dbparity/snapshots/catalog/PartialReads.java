package dev.dbparity.snapshots.catalog;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import dev.dbparity.snapshots.SchemaSnapshot;

/**
 * {@code PartialReads} checks a partial schema read against a full read of the same state, when the system property
 * {@value #VERIFY_PARTIAL_READS} asks for it (a debugging aid, which the tests use): the whole test suite is then a
 * differential test of the readers' partial reads.
 */
final class PartialReads {

	/** The system property that makes readers compare every partial read with a full read. */
	static final String VERIFY_PARTIAL_READS = PostgresCatalogReader.VERIFY_PARTIAL_READS;

	private PartialReads() {
	}

	static boolean verifying() {
		return Boolean.getBoolean(VERIFY_PARTIAL_READS);
	}

	/** Throws when {@code partial} differs from {@code full}, naming the first line where they differ. */
	static void verify(SchemaSnapshot partial, SchemaSnapshot full, String engine) {
		// Bytes, so that the first difference can be named by its line.
		byte[] partialBytes = partial.toCanonicalJson();
		byte[] fullBytes = full.toCanonicalJson();
		if (Arrays.equals(partialBytes, fullBytes)) {
			return;
		}
		String[] partialLines = new String(partialBytes, StandardCharsets.UTF_8).split("\n", -1);
		String[] fullLines = new String(fullBytes, StandardCharsets.UTF_8).split("\n", -1);
		int line = 0;
		while (line < partialLines.length && line < fullLines.length && partialLines[line].equals(fullLines[line])) {
			line++;
		}
		throw new IllegalStateException("A partial " + engine + " schema read differs from a full read at line "
				+ (line + 1) + " of the snapshot: partial has "
				+ (line < partialLines.length ? partialLines[line].strip() : "(end)") + ", full has "
				+ (line < fullLines.length ? fullLines[line].strip() : "(end)")
				+ ". A change was not traced to the objects it shows in; report it with the migration that made it.");
	}
}
