package dev.dbparity.seeding.internal;

import java.util.List;

import dev.dbparity.snapshots.yaml.YamlNode;

/**
 * {@code ColumnPlan} is one column's compiled rule. A cell's value depends only on {@code key} (seed, rules version,
 * table, column) and the row index. May change in any minor release.
 */
public final class ColumnPlan {

	final String name;

	final int index;

	final long key;

	/** Set once more while compiling: references and templates are resolved after all columns exist. */
	Generator generator;

	final double nullFraction;

	/** Whether a generator that may repeat itself gets the row index added, to make its values unique. */
	final boolean uniqueSuffix;

	final YamlNode node;

	/** This column's dependencies (transitively) then itself, in evaluation order. */
	List<ColumnPlan> closure = List.of();

	ColumnPlan(String name, int index, long key, Generator generator, double nullFraction, boolean uniqueSuffix,
			YamlNode node) {
		this.name = name;
		this.index = index;
		this.key = key;
		this.generator = generator;
		this.nullFraction = nullFraction;
		this.uniqueSuffix = uniqueSuffix;
		this.node = node;
	}

	public String name() {
		return name;
	}

	Object value(RowContext row) {
		row.random.reset(key, row.row);
		if (nullFraction > 0 && row.random.nextDouble() < nullFraction) {
			return null;
		}
		Object value = generator.next(row);
		if (uniqueSuffix && value instanceof String text) {
			int at = text.lastIndexOf('@');
			return at < 0 ? text + "-" + (row.row + 1) : text.substring(0, at) + "." + (row.row + 1) + text.substring(at);
		}
		return value;
	}
}
