package dev.dbparity.runtime;

/**
 * {@code ConfigurationNames} are the names of dbparity's configuration parameters, the same for every front end: JUnit
 * configuration parameters and system properties today, Spring properties and the command line's options tomorrow.
 * Each front end documents them where its users look (the JUnit annotation repeats them as its
 * {@code …_PROPERTY_NAME} constants); the meaning of each is documented there.
 *
 * @since 0.1
 */
public final class ConfigurationNames {

	public static final String ENGINE = "dbparity.engine";
	public static final String PROVIDER = "dbparity.provider";
	public static final String ISOLATION = "dbparity.isolation";
	public static final String MIGRATIONS = "dbparity.migrations";
	public static final String MIGRATION_RUNNER = "dbparity.migration.runner";
	public static final String COMPAT = "dbparity.compat";
	public static final String MIGRATION_GAPS = "dbparity.migrations.gaps";
	public static final String SEED = "dbparity.seed";
	public static final String BASELINE = "dbparity.baseline";
	public static final String VERSION_CHECK = "dbparity.version.check";
	public static final String PREFETCH = "dbparity.prefetch";
	public static final String BASELINE_UPDATE = "dbparity.baseline.update";
	public static final String BASELINE_ENGINE_VERSION = "dbparity.baseline.engine-version";
	public static final String TOLERANCES = "dbparity.tolerances";
	public static final String SEED_PROFILE = "dbparity.seed.profile";
	public static final String SEED_LOCK_UPDATE = "dbparity.seed.lock.update";
	public static final String SEED_MAX_ROWS = "dbparity.seed.max-rows";
	public static final String MASKING_KEY = "dbparity.masking.key";
	public static final String STATISTICS_MASKING_KEY = "dbparity.statistics.masking-key";
	public static final String STATISTICS_SENSITIVE_COLUMNS = "dbparity.statistics.sensitive-columns";
	public static final String REPORT = "dbparity.report";
	public static final String REPORTS_DIR = "dbparity.reports.dir";
	public static final String CACHE = "dbparity.cache";
	public static final String CACHE_DIR = "dbparity.cache.dir";
	public static final String CACHE_MAX_SIZE = "dbparity.cache.max-size";

	private ConfigurationNames() {
	}
}
