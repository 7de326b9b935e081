package dev.dbparity.seeding.internal;

import java.util.List;

/**
 * {@code Plan} is compiled seed rules: tables in load order (parents before children; in a cycle, a nullable foreign
 * key is {@linkplain TablePlan#deferred() deferred}) and fixtures. May change in any minor release.
 */
public record Plan(List<TablePlan> tables, List<FixturePlan> fixtures) {

	public Plan {
		tables = List.copyOf(tables);
		fixtures = List.copyOf(fixtures);
	}
}
