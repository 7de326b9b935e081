package dev.dbparity.snapshots.drift;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code Palette} gives each variant of a row its colour, the same in every rendering (a square in Markdown, a
 * background in HTML), and shortens values so a row stays readable.
 */
final class Palette {

	/** Backgrounds for variants A, B, …, repeating after the last; the letter tells repeated colours apart. */
	static final List<String> BACKGROUNDS = List.of("#ddf4ff", "#ffe2cc", "#d2f4d8", "#f0dcff", "#ffd8d3", "#fff3b0",
			"#e9dccf", "#d0d7de");

	/** The squares GitHub renders in Markdown, in the order of {@link #BACKGROUNDS}. */
	private static final List<String> SQUARES = List.of("🟦", "🟧", "🟩", "🟪", "🟥", "🟨", "🟫", "⬛");

	private Palette() {
	}

	static String background(int variant) {
		return BACKGROUNDS.get(variant % BACKGROUNDS.size());
	}

	static String square(int variant) {
		return SQUARES.get(variant % SQUARES.size());
	}

	/** {@code text} cut to {@code max} characters, the last of them {@code …}. */
	static String abbreviate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	/** The sections an environment drifts in, comma-separated, or {@code none}. */
	static String sections(Set<Section> sections) {
		return sections.isEmpty() ? "none" : sections.stream().map(Section::name).collect(Collectors.joining(", "));
	}

	/** {@code 1 environment}, {@code 2 environments}. */
	static String count(long count, String noun) {
		return count + " " + noun + (count == 1 ? "" : "s");
	}

	/** The map's one-line summary, the same in every rendering. */
	static String summary(DriftMap map) {
		List<String> drifting = map.drifting(EnumSet.allOf(Section.class));
		long failed = map.environments().stream().filter(Environment::isFailed).count();
		return count(map.rows().size(), "row") + "; " + (drifting.isEmpty() ? "no environment drifts"
				: count(drifting.size(), "environment") + " drift" + (drifting.size() == 1 ? "s" : "")) + " from "
				+ map.reference() + (failed == 0 ? "" : "; " + failed + " could not be read") + ".";
	}

	/** The map's title. */
	static String title(DriftMap map) {
		return "Drift map of " + count(map.environments().size(), "environment") + " against " + map.reference();
	}
}
