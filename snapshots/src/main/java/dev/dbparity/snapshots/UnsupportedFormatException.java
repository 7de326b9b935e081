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

	/**
	 * Checks the {@code format} number every dbparity file carries.
	 *
	 * @param what what the file should be, e.g. {@code schema snapshot}
	 * @param recapture how to get a readable file, appended to the message when the file has no format
	 * @return the format
	 * @throws UnsupportedFormatException when there is none, or it is newer than {@code newest}
	 */
	public static int check(com.fasterxml.jackson.databind.JsonNode tree, String source, String what, int newest,
			String recapture) {
		int format = tree.isObject() ? tree.path("format").asInt(-1) : -1;
		if (format < 1) {
			throw new UnsupportedFormatException(source + " is not a dbparity " + what + ": it has no \"format\" number."
					+ (recapture.isEmpty() ? "" : " " + recapture));
		}
		if (format > newest) {
			throw new UnsupportedFormatException(source + " has format " + format + ", but this dbparity reads format "
					+ newest + " at most. It was written by a newer dbparity: upgrade dbparity here.");
		}
		return format;
	}
}
