package dev.dbparity.engines;

import java.util.Objects;

/**
 * {@code Availability} says whether a provider can start an engine here, and if not, why and how to change that.
 *
 * @since 0.1
 */
public record Availability(boolean available, String reason) {

	public Availability {
		Objects.requireNonNull(reason, "reason");
	}

	public static Availability available(String reason) {
		return new Availability(true, reason);
	}

	public static Availability unavailable(String reason) {
		return new Availability(false, reason);
	}
}
