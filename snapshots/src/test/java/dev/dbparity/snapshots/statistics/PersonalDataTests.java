package dev.dbparity.snapshots.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PersonalDataTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"ada.lovelace@example.org | EMAIL",
			"o'brien+tag@mail.example.co.uk | EMAIL",
			"+49 30 1234567 | PHONE",
			"(555) 123-4567 | PHONE",
			"030-12345678 | PHONE",
			"DE89370400440532013000 | IBAN",
			"GB82 WEST 1234 5698 7654 32 | IBAN",
			"4111111111111111 | CARD",
			"5555-5555-5555-4444 | CARD",
			"378282246310005 | CARD",
			"123-45-6789 | NATIONAL_ID",
			"AB 12 34 56 C | NATIONAL_ID" })
	void recognisesPersonalValues(String value, PersonalData kind) {
		assertThat(PersonalData.recognise(value)).contains(kind);
	}

	@ParameterizedTest
	@ValueSource(strings = { "not an e-mail @ all", "user@localhost", "2024-01-05", "12-05-2024", "SKU-000123",
			"4111111111111112", "0000000000000000", "DE89370400440532013001", "000-12-3456", "666-12-3456",
			"1.2.3", "12345678", "QQ 12 34 56 C", "10:30:00", "hello world", "SKU 4111 1111" })
	void leavesOrdinaryValuesAlone(String value) {
		assertThat(PersonalData.recognise(value)).isEmpty();
	}

	@Test
	void theChecksumsAreExact() {
		assertThat(PersonalData.luhn("79927398713")).isTrue();
		assertThat(PersonalData.luhn("79927398710")).isFalse();
		assertThat(PersonalData.mod97("GB82WEST12345698765432")).isTrue();
		assertThat(PersonalData.mod97("GB82WEST12345698765433")).isFalse();
	}

	@Test
	void aColumnIsPersonalDataFromAQuarterOfItsValuesOn() {
		List<String> values = new ArrayList<>();
		for (int i = 0; i < 75; i++) {
			values.add("code " + i);
		}
		for (int i = 0; i < 24; i++) {
			values.add("person" + i + "@example.org");
		}
		assertThat(PersonalData.of(values)).isEmpty();
		values.add("person24@example.org");
		assertThat(PersonalData.of(values)).contains(PersonalData.EMAIL);
		assertThat(PersonalData.of(List.of())).isEmpty();
	}

	@Test
	void aMixedColumnIsNamedByItsMostFrequentKind() {
		assertThat(PersonalData.of(List.of("a@example.org", "+49 30 1234567", "+49 30 7654321")))
			.isEqualTo(Optional.of(PersonalData.PHONE));
	}

	@Test
	void randomLongNumbersStayBelowTheThreshold() {
		List<String> values = new ArrayList<>();
		long seed = 42;
		for (int i = 0; i < 200; i++) {
			seed = seed * 6364136223846793005L + 1442695040888963407L;
			values.add(Long.toString(1_000_000_000_000_000L + Math.floorMod(seed, 8_000_000_000_000_000_000L)));
		}
		assertThat(PersonalData.of(values)).isEmpty();
	}
}
