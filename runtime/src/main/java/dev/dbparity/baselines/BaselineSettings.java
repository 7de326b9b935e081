package dev.dbparity.baselines;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.dbparity.snapshots.redaction.Redaction;

/**
 * {@code BaselineSettings} is how a test class compares with its committed baseline.
 *
 * @param location the baseline directory as configured (classpath-style or {@code file:})
 * @param update whether update mode ({@code dbparity.baseline.update=true}) is on
 * @param tolerances the tolerances file, if configured ({@code parity/tolerances.yaml} is used when present)
 * @param ignore path globs from the annotation
 * @param compat the folder of the previous application version's queries for the lint, if configured
 *     ({@code parity/compat} is used when present)
 * @param statisticsMaskingKey the key of sensitive values in data statistics, if configured
 *     ({@code dbparity.statistics.masking-key})
 * @param sensitiveColumns the file of sensitive columns, if configured ({@code parity/sensitive.yaml} is used when
 *     present)
 *
 * <p>Internal: may change in any minor release.
 */
public record BaselineSettings(Optional<String> location, boolean update, Optional<String> tolerances,
		EngineVersionMatch engineVersionMatch, List<String> ignore, Optional<String> compat,
		Optional<String> statisticsMaskingKey, Optional<String> sensitiveColumns) {

	public BaselineSettings {
		Objects.requireNonNull(compat, "compat");
		Objects.requireNonNull(statisticsMaskingKey, "statisticsMaskingKey");
		Objects.requireNonNull(sensitiveColumns, "sensitiveColumns");
		Objects.requireNonNull(location, "location");
		Objects.requireNonNull(tolerances, "tolerances");
		Objects.requireNonNull(engineVersionMatch, "engineVersionMatch");
		ignore = List.copyOf(ignore);
	}

	/** Without compat queries configured. */
	public BaselineSettings(Optional<String> location, boolean update, Optional<String> tolerances,
			EngineVersionMatch engineVersionMatch, List<String> ignore) {
		this(location, update, tolerances, engineVersionMatch, ignore, Optional.empty(), Optional.empty(),
				Optional.empty());
	}

	/** No baseline: for databases that are never compared. */
	public static BaselineSettings none() {
		return new BaselineSettings(Optional.empty(), false, Optional.empty(), EngineVersionMatch.MAJOR, List.of());
	}

	/** Without the statistics masking key, which is a secret. */
	@Override
	public String toString() {
		return "BaselineSettings[location=" + location + ", update=" + update + ", tolerances=" + tolerances
				+ ", engineVersionMatch=" + engineVersionMatch + ", ignore=" + ignore + ", compat=" + compat
				+ ", statisticsMaskingKey=" + statisticsMaskingKey.map(key -> Redaction.MASK) + ", sensitiveColumns="
				+ sensitiveColumns + "]";
	}
}
