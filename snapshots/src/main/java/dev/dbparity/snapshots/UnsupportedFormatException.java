package dev.dbparity.snapshots;

/**
 * {@code UnsupportedFormatException} is a snapshot or manifest that this version of dbparity cannot read: written by a
 * newer version, or not a dbparity file at all.
 *
 * @since 0.1
 */
public class UnsupportedFormatException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public UnsupportedFormatException(String message) {
		super(message);
	}
}
