package dev.dbparity.snapshots.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A trigger's {@code UPDATE OF} columns in one order, whatever order its {@code CREATE TRIGGER} named them in. */
class PostgresTriggerColumnsTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			CREATE TRIGGER t BEFORE UPDATE OF b, a ON public.t FOR EACH ROW EXECUTE FUNCTION f()   | CREATE TRIGGER t BEFORE UPDATE OF a, b ON public.t FOR EACH ROW EXECUTE FUNCTION f()
			CREATE TRIGGER t AFTER INSERT OR UPDATE OF c, "Z, x", a OR DELETE ON t EXECUTE FUNCTION f() | CREATE TRIGGER t AFTER INSERT OR UPDATE OF "Z, x", a, c OR DELETE ON t EXECUTE FUNCTION f()
			CREATE TRIGGER "x UPDATE OF y" BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f()      | CREATE TRIGGER "x UPDATE OF y" BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f()
			CREATE TRIGGER t BEFORE UPDATE ON t FOR EACH ROW WHEN ((old.a <> new.a)) EXECUTE FUNCTION f() | CREATE TRIGGER t BEFORE UPDATE ON t FOR EACH ROW WHEN ((old.a <> new.a)) EXECUTE FUNCTION f()
			""")
	void sorted(String deparsed, String expected) {
		assertThat(PostgresCatalogReader.sortedUpdateColumns(deparsed)).isEqualTo(expected);
	}
}
