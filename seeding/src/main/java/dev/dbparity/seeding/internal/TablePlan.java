package dev.dbparity.seeding.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code TablePlan} is one table's compiled rules: its columns, how many rows, and, for tables with rows per parent,
 * how many rows each parent row gets. May change in any minor release.
 */
public final class TablePlan {

	/** How many rows each parent row gets. */
	interface PerParent {

		long count(CellRandom random);
	}

	final String name;

	final SchemaModel.Table table;

	final List<ColumnPlan> columns = new ArrayList<>();

	/** The table's {@code columns:} node, where problems about columns without rules are reported. */
	dev.dbparity.snapshots.yaml.YamlNode columnsNode;

	/** Columns in an order where every column comes after those it is derived from. */
	final List<ColumnPlan> evaluationOrder = new ArrayList<>();

	long fixedRows;

	Optional<TablePlan> perParentTable = Optional.empty();

	PerParent perParent;

	long countKey;

	private long rows = -1;

	/** The table's {@code rows:} node, where problems about its size are reported. */
	dev.dbparity.snapshots.yaml.YamlNode rowsNode;

	/** The expected number of rows, known without counting: for row limits and progress. */
	BigDecimal estimate = BigDecimal.ZERO;

	/** How {@link #estimate} was computed, for messages: "rows: 1,000 × 10, the scale of profile "large"". */
	String estimateHow = "";

	/** The mean number of rows per parent row, for tables with rows per parent. */
	BigDecimal perParentMean = BigDecimal.ZERO;

	/** The most rows one parent row can get, when bounded (uniform); -1 when not (poisson). */
	long perParentMax = -1;

	/** Which mean {@link #perParentMean} is: "poisson mean". */
	String perParentHow = "";

	/** Whether the estimates of all tables are within the limits, so that rows can be counted exactly. */
	boolean countable = true;

	/** Foreign key columns loaded as NULL and set afterwards, since their parent rows are loaded later (a cycle). */
	Set<String> deferred = Set.of();

	TablePlan(String name, SchemaModel.Table table) {
		this.name = name;
		this.table = table;
	}

	public String name() {
		return name;
	}

	public SchemaModel.Table table() {
		return table;
	}

	public List<ColumnPlan> columns() {
		return columns;
	}

	public Set<String> deferred() {
		return deferred;
	}

	/** The number of generated rows (fixture rows not counted). */
	public long rows() {
		if (rows < 0) {
			if (perParentTable.isEmpty()) {
				rows = fixedRows;
			}
			else {
				CellRandom random = new CellRandom();
				long total = 0;
				long parents = perParentTable.get().rows();
				for (long p = 0; p < parents; p++) {
					total += perParent.count(random.reset(countKey, p));
				}
				rows = total;
			}
		}
		return rows;
	}

	/** The row count for checks: exact when countable, else the estimate, capped at {@code Long.MAX_VALUE}. */
	long rowsForChecks() {
		if (countable) {
			return rows();
		}
		return estimate.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? Long.MAX_VALUE : estimate.longValue();
	}

	/** The expected number of rows, before counting them. */
	public BigDecimal estimate() {
		return estimate;
	}

	/** Receives generated rows; the array is reused for the next row. */
	public interface RowSink {

		void accept(long row, Object[] values) throws Exception;
	}

	/** Generates rows {@code [from, to)} of a table without rows per parent, or all rows of one with them. */
	public void generate(RowContext context, long from, long to, RowSink sink) throws Exception {
		if (perParentTable.isEmpty()) {
			for (long row = from; row < to; row++) {
				fill(context, row, -1);
				sink.accept(row, context.values);
			}
			return;
		}
		CellRandom counter = new CellRandom();
		long parents = perParentTable.get().rows();
		long row = 0;
		for (long p = 0; p < parents && row < to; p++) {
			long count = perParent.count(counter.reset(countKey, p));
			for (long i = 0; i < count; i++, row++) {
				if (row >= from && row < to) {
					fill(context, row, p);
					sink.accept(row, context.values);
				}
			}
		}
	}

	private void fill(RowContext context, long row, long parent) {
		context.row = row;
		context.parent = parent;
		for (ColumnPlan column : evaluationOrder) {
			context.values[column.index] = column.value(context);
		}
	}

	/** The value of {@code column} at {@code row}, as generating this table made or will make it. */
	Object valueAt(ColumnPlan column, long row, RowContext outer) {
		RowContext context = outer.nested(this);
		context.row = row;
		context.parent = -1;
		Object value = null;
		for (ColumnPlan needed : column.closure) {
			value = needed.value(context);
			context.values[needed.index] = value;
		}
		return value;
	}

	/** A new context for generating this table's rows on one thread. */
	public RowContext newContext() {
		return new RowContext(columns.size());
	}
}
