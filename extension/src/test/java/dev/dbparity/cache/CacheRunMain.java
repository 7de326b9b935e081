package dev.dbparity.cache;

import java.nio.file.Path;
import java.util.Map;

/** One run in a JVM of its own, for the test of two JVMs that need the same missing template at once. */
public final class CacheRunMain {

	private CacheRunMain() {
	}

	/** @param arguments the migrations folder, the cache directory and, optionally, the seed rules */
	public static void main(String[] arguments) {
		Map<String, String> cache = Map.of("dbparity.cache.dir", arguments[1]);
		System.out.print(arguments.length > 2
				? CacheRuns.run(CacheRuns.settings(Path.of(arguments[0]), Path.of(arguments[2])), cache)
				: CacheRuns.run(Path.of(arguments[0]), cache));
	}
}
