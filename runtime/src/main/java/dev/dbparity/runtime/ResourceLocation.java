package dev.dbparity.runtime;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * {@code ResourceLocation} turns a configured location ({@code parity/baseline/production}, {@code classpath:…} or
 * {@code file:…}) into a path on the file system.
 *
 * <p>A classpath location is looked up in the project's source folders first ({@code src/test/resources},
 * {@code src/main/resources}, relative to the working directory, which is the module's directory under Maven and
 * Gradle): the baseline that update mode rewrites and beside which {@code schema.actual.json} is written must be the
 * committed one, not its copy under {@code target/}.
 *
 * <p>Internal: may change in any minor release.
 */
public final class ResourceLocation {

	private ResourceLocation() {
	}

	public static Path resolve(String location) {
		if (location.startsWith("file:")) {
			return Paths.get(location.substring("file:".length()));
		}
		String relative = location.replaceFirst("^classpath:", "").replaceFirst("^/+", "");
		for (String sourceFolder : new String[] { "src/test/resources", "src/main/resources" }) {
			Path candidate = Paths.get(sourceFolder, relative);
			if (Files.exists(candidate)) {
				return candidate;
			}
		}
		URL resource = Thread.currentThread().getContextClassLoader().getResource(relative);
		if (resource != null && resource.getProtocol().equals("file")) {
			try {
				return Paths.get(resource.toURI());
			}
			catch (URISyntaxException e) {
				throw new IllegalArgumentException("Location " + location + " resolves to " + resource
						+ ", which is not a valid file URI", e);
			}
		}
		// Not found anywhere: where update mode creates it.
		return Paths.get("src/test/resources", relative);
	}
}
