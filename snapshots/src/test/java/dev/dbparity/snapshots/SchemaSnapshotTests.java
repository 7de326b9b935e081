package dev.dbparity.snapshots;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.dbparity.snapshots.json.CanonicalJson;

/** A snapshot of a tree known sorted, taken without a sorted copy, and every other snapshot still sorted. */
class SchemaSnapshotTests {

	@Test
	void aSortedTreeIsTakenAsItIsAndGivesTheSameBytesAsASortedCopy() {
		JsonNode sorted = CanonicalJson.sorted(unsorted());

		SchemaSnapshot taken = SchemaSnapshot.ofSorted(sorted);

		assertThat(taken.toCanonicalJson()).isEqualTo(new SchemaSnapshot(unsorted()).toCanonicalJson());
		assertThat(taken).isEqualTo(new SchemaSnapshot(unsorted()));
	}

	@Test
	void theConstructorSortsAgainAfterATreeWasTakenAsSorted() {
		ObjectNode tree = unsorted();
		// Taken as it is: the caller's promise is what keeps its bytes canonical.
		assertThat(new String(SchemaSnapshot.ofSorted(tree).toCanonicalJson(), StandardCharsets.UTF_8))
			.containsSubsequence("\"zebra\"", "\"apple\"");

		SchemaSnapshot snapshot = new SchemaSnapshot(tree);

		assertThat(new String(snapshot.toCanonicalJson(), StandardCharsets.UTF_8))
			.containsSubsequence("\"apple\"", "\"format\"", "\"zebra\"");
	}

	private static ObjectNode unsorted() {
		ObjectNode tree = CanonicalJson.object();
		tree.put("zebra", 1);
		tree.put("format", SchemaSnapshot.FORMAT);
		tree.put("apple", 2);
		return tree;
	}
}
