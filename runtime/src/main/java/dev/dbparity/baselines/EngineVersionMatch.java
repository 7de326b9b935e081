package dev.dbparity.baselines;

/**
 * {@code EngineVersionMatch} says how closely the test engine's version must match the baseline's: a different version
 * is a {@code CONFIGURATION} difference unless this tolerates it.
 *
 * <p>Internal: may change in any minor release.
 */
public enum EngineVersionMatch {

	/** The full version must be equal. */
	EXACT,

	/** The major version must be equal (PostgreSQL {@code 17}, MariaDB {@code 10.11}); minor releases may differ. */
	MAJOR,

	/** The version is not compared. */
	IGNORE
}
