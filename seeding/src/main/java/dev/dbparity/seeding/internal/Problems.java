package dev.dbparity.seeding.internal;

import java.util.ArrayList;
import java.util.List;

import dev.dbparity.seeding.SeedProblem;
import dev.dbparity.seeding.SeedRulesException;
import dev.dbparity.snapshots.yaml.YamlNode;

/** {@code Problems} collects {@link SeedProblem}s, so that all are reported together. May change in any minor release. */
public final class Problems {

	private final List<SeedProblem> list = new ArrayList<>();

	public void add(YamlNode at, String subject, String message, String fix) {
		list.add(new SeedProblem(at.source(), at.line(), at.column(), subject, message, fix));
	}

	public void add(SeedProblem problem) {
		list.add(problem);
	}

	public boolean isEmpty() {
		return list.isEmpty();
	}

	public List<SeedProblem> list() {
		return List.copyOf(list);
	}

	/** @throws SeedRulesException when there are problems */
	public void throwIfAny() {
		if (!list.isEmpty()) {
			throw new SeedRulesException(list);
		}
	}
}
