package dev.dbparity.seeding.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.dbparity.seeding.RowLimits;
import dev.dbparity.snapshots.yaml.YamlNode;

/**
 * {@code RowEstimates} estimates each table's rows without counting them (a fixed count times the profile's scale;
 * rows per parent as the parent's estimate times the mean per parent) and checks them against the {@link RowLimits},
 * so that a mistyped {@code rows:} is refused with the estimate before anything is counted, generated or written. May
 * change in any minor release.
 */
final class RowEstimates {

	private RowEstimates() {
	}

	/**
	 * Estimates every table; adds a problem per table above the per-table limit and one for a total above the total
	 * limit when {@code limits} says to report them.
	 *
	 * @return whether every estimate is within the limits, so that rows may be counted exactly
	 */
	static boolean check(Collection<TablePlan> plans, YamlNode tablesNode, Compiler.Limits limits, Problems problems) {
		for (TablePlan plan : plans) {
			estimate(plan, new HashSet<>());
		}
		RowLimits bound = limits.rows();
		boolean within = true;
		BigDecimal total = BigDecimal.ZERO;
		List<String> parts = new ArrayList<>();
		for (TablePlan plan : plans) {
			total = total.add(plan.estimate);
			parts.add(plan.name + " " + format(plan.estimate));
			if (plan.estimate.compareTo(BigDecimal.valueOf(bound.perTable())) > 0) {
				within = false;
				if (limits.report() && plan.rowsNode != null) {
					problems.add(plan.rowsNode, plan.name, "about " + format(plan.estimate) + " rows (" + plan.estimateHow
							+ ") are above the limit of " + format(BigDecimal.valueOf(bound.perTable())) + " rows per "
							+ "table: at the measured " + format(BigDecimal.valueOf(RowLimits.MEASURED_ROWS_PER_SECOND))
							+ " rows/s loading them would take " + duration(plan.estimate) + ", too long for a test "
							+ "database, so this is taken for a mistake", fix(plan.estimate, "rowsPerTable"));
				}
			}
		}
		if (total.compareTo(BigDecimal.valueOf(bound.total())) > 0) {
			boolean reportedPerTable = !within;
			within = false;
			if (limits.report() && !reportedPerTable) {
				problems.add(tablesNode, "", "the tables together get about " + format(total) + " rows ("
						+ String.join(" + ", parts) + "), above the limit of " + format(BigDecimal.valueOf(bound.total()))
						+ " rows in total: at the measured " + format(BigDecimal.valueOf(RowLimits.MEASURED_ROWS_PER_SECOND))
						+ " rows/s loading them would take " + duration(total), fix(total, "rows"));
			}
		}
		return within;
	}

	private static String fix(BigDecimal estimate, String key) {
		String wanted = estimate.setScale(0, RoundingMode.CEILING).toBigInteger().toString();
		return "lower rows: (or the profile's scale, or the rows per parent); if you mean it, raise the limit "
				+ "explicitly: limits: {" + key + ": " + wanted + "} at the top of the rules, the configuration key "
				+ "dbparity.seed.max-rows=" + wanted + ", dbparity seed --max-rows " + wanted
				+ ", or SeedOptions.withRowLimits(…)";
	}

	/** The expected rows of {@code plan}; a cycle of rows per parent has none (the load order reports the cycle). */
	private static BigDecimal estimate(TablePlan plan, Set<TablePlan> visiting) {
		if (plan.perParentTable.isEmpty() || plan.perParent == null) {
			if (plan.perParentTable.isEmpty()) {
				return plan.estimate;
			}
			return BigDecimal.ZERO;
		}
		if (!visiting.add(plan)) {
			return BigDecimal.ZERO;
		}
		TablePlan parent = plan.perParentTable.get();
		BigDecimal parents = estimate(parent, visiting);
		plan.estimate = parents.multiply(plan.perParentMean).setScale(0, RoundingMode.HALF_UP);
		plan.estimateHow = format(parents) + " rows of " + parent.name + " × " + plan.perParentMean.stripTrailingZeros()
			.toPlainString() + " per parent, the " + plan.perParentHow
				+ (parent.estimateHow.isEmpty() ? "" : "; " + parent.name + ": " + parent.estimateHow);
		visiting.remove(plan);
		return plan.estimate;
	}

	/** {@code 5,000,000}. */
	static String format(BigDecimal number) {
		return String.format(Locale.ROOT, "%,d", number.setScale(0, RoundingMode.HALF_UP).toBigInteger());
	}

	/** {@code about 25 s}, {@code about 3 h}, {@code about 15,855 years}, at the measured rate. */
	static String duration(BigDecimal rows) {
		BigInteger seconds = rows.divide(BigDecimal.valueOf(RowLimits.MEASURED_ROWS_PER_SECOND), 0, RoundingMode.CEILING)
			.toBigInteger();
		long[] units = { 365L * 24 * 3600, 24 * 3600, 3600, 60 };
		String[] names = { "years", "days", "h", "min" };
		for (int i = 0; i < units.length; i++) {
			if (seconds.compareTo(BigInteger.valueOf(units[i] * 2)) >= 0) {
				return "about " + String.format(Locale.ROOT, "%,d", seconds.divide(BigInteger.valueOf(units[i]))) + " "
						+ names[i];
			}
		}
		return "about " + seconds + " s";
	}
}
