package dev.dbparity.snapshots.chromium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

/**
 * {@code HeadlessChromium} renders the HTML reports' pages as a browser would, for tests that check a page is drawn
 * (not blank, its colours there), and for the screenshots the README shows. The build machines have no Chromium
 * unless {@code apt-get install -y chromium} ran; then the tests that need it are skipped.
 */
public final class HeadlessChromium {

	public static final String CHROMIUM = "/usr/bin/chromium";

	private HeadlessChromium() {
	}

	/** Skips the calling test when Chromium is not installed, saying how to install it. */
	public static void assumeInstalled() {
		assumeTrue(Files.isExecutable(Path.of(CHROMIUM)), CHROMIUM + " is not installed (Debian: apt-get install -y "
				+ "chromium), so the HTML report cannot be rendered");
	}

	/**
	 * Renders {@code html} in a {@code width} × {@code height} window and returns the screenshot, written to
	 * {@code directory}/report.png; asserts that Chromium exited within 60 s and wrote it.
	 */
	public static Path screenshot(String html, Path directory, int width, int height)
			throws IOException, InterruptedException {
		assumeInstalled();
		Path page = directory.resolve("report.html");
		Files.writeString(page, html, StandardCharsets.UTF_8);
		Path screenshot = directory.resolve("report.png");
		Process chromium = new ProcessBuilder(CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--hide-scrollbars", "--user-data-dir=" + directory.resolve("profile"), "--screenshot=" + screenshot,
				"--window-size=" + width + "," + height, page.toUri().toString())
			.redirectErrorStream(true).redirectOutput(directory.resolve("chromium.log").toFile()).start();
		boolean exited = chromium.waitFor(60, TimeUnit.SECONDS);
		if (!exited) {
			chromium.destroyForcibly();
		}
		assertThat(exited).as("Chromium exited within 60 s").isTrue();
		assertThat(screenshot).as("screenshot; Chromium said: %s", Files.readString(directory.resolve("chromium.log")))
			.exists();
		return screenshot;
	}

	/** The colours of every third pixel of every third line of the image at {@code png}, and its size checked. */
	public static Set<Integer> colours(Path png, int width, int height) throws IOException {
		BufferedImage image = ImageIO.read(png.toFile());
		assertThat(image.getWidth()).isEqualTo(width);
		assertThat(image.getHeight()).isEqualTo(height);
		Set<Integer> colours = new HashSet<>();
		for (int y = 0; y < image.getHeight(); y += 3) {
			for (int x = 0; x < image.getWidth(); x += 3) {
				colours.add(image.getRGB(x, y));
			}
		}
		return colours;
	}
}
