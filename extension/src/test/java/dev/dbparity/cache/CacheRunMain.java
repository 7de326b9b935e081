package dev.dbparity.cache;

import java.nio.file.Path;
import java.util.Map;

/** One run in a JVM of its own, for the test of two JVMs that need the same missing template at once. */
public final class CacheRunMain {

	private CacheRunMain() {
	}

	/** @param arguments the migrations folder and the cache directory */
	public static void main(String[] arguments) {
		System.out.print(CacheRuns.run(Path.of(arguments[0]), Map.of("dbparity.cache.dir", arguments[1])));
	}
}
