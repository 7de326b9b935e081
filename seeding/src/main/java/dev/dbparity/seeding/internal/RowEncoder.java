package dev.dbparity.seeding.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@code RowEncoder} writes rows in the text format of {@code COPY} and {@code LOAD DATA} (tab-separated, {@code \N}
 * for NULL, backslash escapes) and feeds the same bytes, in column-name order, to the table's content hash. Each value
 * is encoded once, into a reused buffer: encoding and hashing cost as much as generating when done value by value
 * through {@code BufferedOutputStream} and {@code String.getBytes}. Booleans, the one engine-specific encoding, are
 * hashed as {@code true}/{@code false}, so the hash is the same on every engine. May change in any minor release.
 */
final class RowEncoder {

	private static final int FLUSH = 60 * 1024;

	private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

	private final OutputStream out;

	private final BulkLoader loader;

	private final Optional<MessageDigest> digest;

	/** For each position in hash order, the column's position in row order. */
	private final int[] hashOrder;

	private final int[] starts;

	private final int[] ends;

	private final Object[] row;

	/** Columns loaded as NULL (deferred foreign keys), hashed with their generated values. */
	private final boolean[] loadNull;

	private byte[] buffer = new byte[64 * 1024];

	private int size;

	private byte[] hash = new byte[64 * 1024];

	private int hashSize;

	private int column;

	RowEncoder(OutputStream out, BulkLoader loader, Optional<MessageDigest> digest, int[] hashOrder,
			boolean[] loadNull) {
		this.out = out;
		this.loader = loader;
		this.digest = digest;
		this.hashOrder = hashOrder.clone();
		this.starts = new int[hashOrder.length];
		this.ends = new int[hashOrder.length];
		this.row = new Object[hashOrder.length];
		this.loadNull = loadNull.clone();
	}

	/** The next value of the current row, in row order. */
	void value(Object value) throws IOException {
		if (column > 0) {
			put((byte) '\t');
		}
		starts[column] = size;
		row[column] = value;
		if (value == null || loadNull[column]) {
			put((byte) '\\');
			put((byte) 'N');
		}
		else if (value instanceof Boolean b) {
			text(loader.bool(b));
		}
		else {
			text(Values.text(value));
		}
		ends[column] = size;
		column++;
	}

	private void text(String text) {
		ensure(text.length() * 2 + 2);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\\' -> {
					buffer[size++] = '\\';
					buffer[size++] = '\\';
				}
				case '\t' -> {
					buffer[size++] = '\\';
					buffer[size++] = 't';
				}
				case '\n' -> {
					buffer[size++] = '\\';
					buffer[size++] = 'n';
				}
				case '\r' -> {
					buffer[size++] = '\\';
					buffer[size++] = 'r';
				}
				default -> {
					if (c < 0x80) {
						buffer[size++] = (byte) c;
					}
					else {
						int end = i + 1;
						while (end < text.length() && text.charAt(end) >= 0x80) {
							end++;
						}
						byte[] bytes = text.substring(i, end).getBytes(StandardCharsets.UTF_8);
						ensure(bytes.length + (text.length() - end) * 2 + 2);
						System.arraycopy(bytes, 0, buffer, size, bytes.length);
						size += bytes.length;
						i = end - 1;
					}
				}
			}
		}
	}

	private void put(byte b) {
		ensure(1);
		buffer[size++] = b;
	}

	private void ensure(int more) {
		if (size + more > buffer.length) {
			buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
		}
	}

	/** Ends the row: its bytes go out, and to the hash in column-name order. */
	void endRow() throws IOException {
		put((byte) '\n');
		if (digest.isPresent()) {
			for (int i = 0; i < hashOrder.length; i++) {
				int c = hashOrder[i];
				if (row[c] instanceof Boolean b) {
					hashBytes(b ? TRUE : FALSE, 0, b ? TRUE.length : FALSE.length);
				}
				else if (loadNull[c]) {
					byte[] text = (row[c] == null ? "\\N" : Values.text(row[c])).getBytes(StandardCharsets.UTF_8);
					hashBytes(text, 0, text.length);
				}
				else {
					hashBytes(buffer, starts[c], ends[c] - starts[c]);
				}
				hashByte(i == hashOrder.length - 1 ? (byte) '\n' : (byte) '\t');
			}
			if (hashSize > FLUSH) {
				digest.get().update(hash, 0, hashSize);
				hashSize = 0;
			}
		}
		column = 0;
		if (size > FLUSH) {
			out.write(buffer, 0, size);
			size = 0;
		}
	}

	private void hashBytes(byte[] bytes, int offset, int length) {
		if (hashSize + length + 1 > hash.length) {
			hash = Arrays.copyOf(hash, Math.max(hash.length * 2, hashSize + length + 1));
		}
		System.arraycopy(bytes, offset, hash, hashSize, length);
		hashSize += length;
	}

	private void hashByte(byte b) {
		hashBytes(new byte[] { b }, 0, 1);
	}

	/** Writes and hashes what is left. */
	void flush() throws IOException {
		out.write(buffer, 0, size);
		size = 0;
		out.flush();
		if (digest.isPresent()) {
			digest.get().update(hash, 0, hashSize);
			hashSize = 0;
		}
	}
}
