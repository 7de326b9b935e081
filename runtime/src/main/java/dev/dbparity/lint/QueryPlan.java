package dev.dbparity.lint;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@code QueryPlan} is an engine's plan of one compat query: the plan as the engine gave it (JSON), its estimated cost
 * and how it reads each table.
 *
 * @param json the engine's plan, as {@code EXPLAIN (FORMAT JSON)} or {@code EXPLAIN FORMAT=JSON} printed it
 * @param cost the estimated cost, in the engine's own units
 * @param access per table as the plan names it, {@code index} or {@code full scan}
 */
record QueryPlan(String json, double cost, Map<String, String> access) {

	static final String INDEX = "index";
	static final String FULL_SCAN = "full scan";

	QueryPlan {
		Objects.requireNonNull(json, "json");
		access = Collections.unmodifiableMap(new TreeMap<>(access));
	}
}
