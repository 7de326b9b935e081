package dev.dbparity.engines;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import dev.dbparity.snapshots.Engine;
import dev.dbparity.snapshots.redaction.Redaction;

/**
 * {@code EngineSpec} is what a {@link DatabaseEngineProvider} is asked to start: an engine, its pinned version and the
 * provider settings that apply to it (for example {@code url}, {@code user}, {@code password}, {@code image}).
 *
 * <p>For implementors of {@link DatabaseEngineProvider}. Settings keys are the configuration keys without the
 * {@code dbparity.<engine>.} prefix.
 *
 * @since 0.1
 */
public record EngineSpec(Engine engine, String version, Map<String, String> settings) {

	public EngineSpec {
		Objects.requireNonNull(engine, "engine");
		Objects.requireNonNull(version, "version");
		if (version.isBlank()) {
			throw new IllegalArgumentException("version must not be blank");
		}
		settings = Map.copyOf(settings);
	}

	/** A setting such as {@code url}, if configured. */
	public Optional<String> setting(String name) {
		return Optional.ofNullable(settings.get(name)).filter(value -> !value.isBlank());
	}

	/** {@code engine version}, e.g. {@code postgres 17.6}: how runs are named in reports. */
	public String displayName() {
		return engine.id() + " " + version;
	}

	/** Without the password, nor one inside the URL: specs end up in messages and logs. */
	@Override
	public String toString() {
		Map<String, String> shown = new TreeMap<>();
		settings.forEach((key, value) -> shown.put(key, key.equals("password") ? Redaction.MASK : Redaction.url(value)));
		return "EngineSpec[" + engine.id() + " " + version + ", " + shown + "]";
	}
}
