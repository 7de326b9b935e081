package dev.dbparity.snapshots.statistics;

import java.nio.charset.StandardCharsets;

/** Statistics snapshots written by hand for the tests: one schema {@code public}, tables as JSON. */
final class Snapshots {

	private Snapshots() {
	}

	/** A snapshot in {@code mode} whose {@code public} schema has {@code tables} (a JSON object, quotes as {@code '}). */
	static StatisticsSnapshot of(String mode, String tables) {
		return of(mode, 10, tables);
	}

	/** A snapshot whose capture kept {@code topK} top values. */
	static StatisticsSnapshot of(String mode, int topK, String tables) {
		String json = ("{'format': 1, 'engine': {'name': 'postgres'}, 'capture': {'mode': '" + mode + "', 'topK': " + topK
				+ ", "
				+ "'histogramBuckets': 10" + (mode.equals("sample") ? ", 'sampleFraction': 0.1, 'seed': 42" : "")
				+ "}, 'schemas': {'public': {'tables': " + tables + "}}}").replace('\'', '"');
		return StatisticsSnapshot.fromJson(json.getBytes(StandardCharsets.UTF_8), "test");
	}

	static StatisticsSnapshot full(String tables) {
		return of("full", tables);
	}
}
