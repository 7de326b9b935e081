package dev.dbparity.seeding.internal;

import java.util.HashMap;
import java.util.Map;

import dev.dbparity.seeding.faker.FakerExpressions;

/**
 * {@code RowContext} is what a {@link Generator} sees of the row being made: the cell's random source, the row index,
 * the parent row for tables with rows per parent, and the values made so far. One per generating thread; may change in
 * any minor release.
 */
public final class RowContext {

	final CellRandom random;

	final FakerExpressions faker;

	final Object[] values;

	long row;

	long parent = -1;

	/** Contexts for computing parent keys, which share this thread's random source and Datafaker instances. */
	private final Map<TablePlan, RowContext> nested;

	public RowContext(int columns) {
		this.random = new CellRandom();
		this.faker = new FakerExpressions(random);
		this.values = new Object[columns];
		this.nested = new HashMap<>();
	}

	private RowContext(RowContext outer, int columns) {
		this.random = outer.random;
		this.faker = outer.faker;
		this.values = new Object[columns];
		this.nested = outer.nested;
	}

	RowContext nested(TablePlan table) {
		return nested.computeIfAbsent(table, t -> new RowContext(this, t.columns().size()));
	}
}
