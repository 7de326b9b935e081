package dev.dbparity.snapshots.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dbparity.snapshots.chromium.HeadlessChromium;

class StatisticsReportsTests {

	/** A known comparison: a failing distribution and top-value share, a column on one side only. */
	static StatisticsComparisonResult known() {
		String parent = "'customer': {'rows': 100, 'columns': {'id': {'key': true, 'nullFraction': 0, 'distinct': 100}}}";
		StatisticsSnapshot baseline = Snapshots.full("{" + parent + ", 'purchase': {'rows': 1000, 'columns': {"
				+ "'category': {'nullFraction': 0, 'distinct': 3, 'top': [{'value': 'a', 'fraction': 0.5}, "
				+ "{'value': 'b', 'fraction': 0.3}, {'value': 'c', 'fraction': 0.2}]}, "
				+ "'amount': {'nullFraction': 0.1, 'histogram': {'bounds': [0, 100, 200, 300, 400, 500], "
				+ "'fractions': [0.2, 0.2, 0.2, 0.2, 0.2]}}, "
				+ "'email': {'sensitive': true, 'nullFraction': 0, 'top': [{'hash': 'hmac-sha256:0123456789abcdef', "
				+ "'fraction': 0.01}]}, 'legacy': {'nullFraction': 1}}}}");
		StatisticsSnapshot actual = Snapshots.full("{" + parent + ", 'purchase': {'rows': 100, 'columns': {"
				+ "'category': {'nullFraction': 0, 'distinct': 3, 'top': [{'value': 'a', 'fraction': 0.9}, "
				+ "{'value': 'b', 'fraction': 0.05}, {'value': 'c|<x>', 'fraction': 0.05}]}, "
				+ "'amount': {'nullFraction': 0.12, 'histogram': {'bounds': [0, 50, 100, 500], "
				+ "'fractions': [0.5, 0.3, 0.2]}}, "
				+ "'email': {'sensitive': true, 'nullFraction': 0, 'top': [{'hash': 'hmac-sha256:0123456789abcdef', "
				+ "'fraction': 0.01}]}}}}");
		return StatisticsComparison.compare(baseline, actual);
	}

	@Test
	void markdownListsTheFailuresAndWhatCouldNotBeCompared() {
		assertThat(StatisticsMarkdownReport.render(known(), "production", "test database")).isEqualTo("""
				### Data statistics of test database against production (shape mode)

				2 of 9 metrics failed, 1 not comparable.

				| Path | Metric | Baseline | Actual | Distance | Bound |
				| --- | --- | --- | --- | ---: | ---: |
				| `public.purchase.amount` | **distribution** | 5 buckets, 0 … 500 | 3 buckets, 0 … 500 | 0.6 | 0.1 |
				| `public.purchase.category` | **topValues** | a 0.5, b 0.3, c 0.2 | a 0.9, b 0.05, c\\|<x> 0.05 | 0.45 | 0.1 |

				<details><summary>Not comparable (1)</summary>

				| Path | Metric | Baseline | Actual |
				| --- | --- | --- | --- |
				| `public.purchase.legacy` | presence | present | absent |

				</details>
				""");
	}

	@Test
	void textListsTheFailuresUpToALimit() {
		assertThat(StatisticsTextReport.render(known(), "production", "test database", 1)).isEqualTo("""
				Data statistics of test database against production (shape mode): 2 of 9 metrics failed, 1 not \
				comparable.
				  public.purchase.amount: distribution 0.6 > bound 0.1 (baseline 5 buckets, 0 … 500, actual 3 buckets, \
				0 … 500)
				  … and 1 more""");
	}

	@Test
	void htmlIsSelfContainedWithChartsSideBySideAndFailuresHighlighted() {
		String html = StatisticsHtmlReport.render(known(), "production <live>", "test database");

		assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n")
			.contains("<title>Data statistics of test database against production &lt;live&gt;</title>")
			.contains("<tr class=\"failed\"><td><code>public.purchase.category</code></td><td class=\"metric\">"
					+ "topValues</td>")
			.contains("c|&lt;x&gt;").doesNotContain("c|<x>")
			.contains("#01234567").doesNotContain("<script").doesNotContain("src=").doesNotContain("href=")
			.doesNotContain("@import").doesNotContain("url(");
		assertThat(html.split("<svg ", -1)).as("a histogram and top values per side for two columns, top values for "
				+ "the third").hasSize(1 + 2 + 2 + 2);
		assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http");
	}

	/** Renders the known report in headless Chromium and checks the screenshot: its size, and that it is not blank. */
	@Test
	void htmlRendersInChromium(@TempDir Path directory) throws IOException, InterruptedException {
		Path screenshot = HeadlessChromium.screenshot(StatisticsHtmlReport.render(known(), "production",
				"test database"), directory, 1200, 900);

		Set<Integer> colours = HeadlessChromium.colours(screenshot, 1200, 900);
		assertThat(colours).as("colours in the screenshot").hasSizeGreaterThan(1);
		// The baseline's blue bars and the actual orange ones are drawn, not just text on white.
		assertThat(colours).contains(0xFF0969DA, 0xFFBC4C00);
	}
}
