package dev.dbparity.snapshots;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * {@code ToolVersion} is the version of dbparity itself, as recorded in baseline manifests.
 *
 * @since 0.1
 */
public final class ToolVersion {

	private static final String VERSION = load();

	private ToolVersion() {
	}

	public static String current() {
		return VERSION;
	}

	private static String load() {
		try (InputStream in = ToolVersion.class.getResourceAsStream("version.properties")) {
			if (in == null) {
				throw new IllegalStateException("version.properties is missing from the dbparity-snapshots jar");
			}
			Properties properties = new Properties();
			properties.load(in);
			return properties.getProperty("version");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
