package dev.dbparity.engines;

import dev.dbparity.runtime.ParityException;
import dev.dbparity.runtime.SettingNames;

/**
 * {@code VersionUnavailableException} says that a provider cannot run the pinned version, and which versions it can.
 * Its advice names the version setting by its key; {@link Engines#start} words it as the front end's users set it.
 *
 * @since 0.1
 */
public final class VersionUnavailableException extends ParityException {

	private static final long serialVersionUID = 1L;

	private final String before;
	private final String key;
	private final String after;

	/** The message {@code before + key + after}, with {@code key} the version setting to pin. */
	public VersionUnavailableException(String before, String key, String after) {
		this(before, key, after, SettingNames.KEYS);
	}

	private VersionUnavailableException(String before, String key, String after, SettingNames names) {
		super(before + names.of(key) + after);
		this.before = before;
		this.key = key;
		this.after = after;
	}

	/** The same failure, its advice worded by {@code names}. */
	public VersionUnavailableException advising(SettingNames names) {
		VersionUnavailableException worded = new VersionUnavailableException(before, key, after, names);
		worded.setStackTrace(getStackTrace());
		return worded;
	}
}
