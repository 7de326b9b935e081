package dev.dbparity.roundtrips;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code ContentMemo} keeps, per table of one database, the content a round trip read last, with how it read it (the
 * query, over which columns with which types, and the columns' definitions) and the engine's checksum of the table's
 * rows taken right before: a table read the same way again with the same checksum has the same content, and is not
 * read again (a round trip's version changes one or two tables of many, and reads the contents of all of them twice).
 *
 * <p>The checksum and the read are two statements: the pair is the table's only while no other session writes to it
 * in between, as on a round trip's own database, where only the migrations and the filler write, between reads. A
 * collision of the engine's checksum (32 bits on MariaDB and MySQL) would keep a change from being seen: about one in
 * four billion changed tables.
 *
 * <p>Internal: may change in any minor release.
 */
public final class ContentMemo {

	private final Map<TableRef, Read> reads = new ConcurrentHashMap<>();
	private final RoundTripTimings timings;

	/** A memo that counts the tables read and those taken from it in {@code timings}. */
	public ContentMemo(RoundTripTimings timings) {
		this.timings = timings;
	}

	/**
	 * What {@code table} was last read as, the way {@code read} says, when its checksum was {@code checksum}, if it was.
	 */
	Optional<TableData.Content> unchanged(TableRef table, String read, String checksum) {
		Read last = reads.get(table);
		return last != null && last.read().equals(read) && last.checksum().equals(checksum)
				? Optional.of(last.content())
				: Optional.empty();
	}

	/** Keeps {@code content}, read the way {@code read} says right after the table's checksum was {@code checksum}. */
	void read(TableRef table, String read, String checksum, TableData.Content content) {
		reads.put(table, new Read(read, checksum, content));
	}

	void count(int read, int unchanged) {
		timings.tableContents(read, unchanged);
	}

	private record Read(String read, String checksum, TableData.Content content) {
	}
}
