package dev.dbparity.snapshots.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * {@code Yaml} reads the YAML files users write by hand ({@code parity/tolerances.yaml}) as a token stream, so that
 * their readers can name the line and column of every mistake.
 *
 * @since 0.1
 */
public final class Yaml {

	/** A repeated key in a hand-written file is a mistake, not an override. */
	private static final YAMLFactory FACTORY = YAMLFactory.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private Yaml() {
	}

	/**
	 * A parser over {@code yaml}, whose {@link JsonParser#currentTokenLocation()} gives 1-based lines and columns.
	 *
	 * @throws IOException when the YAML cannot even start to be read
	 */
	public static JsonParser parser(byte[] yaml) throws IOException {
		return FACTORY.createParser(yaml);
	}
}
