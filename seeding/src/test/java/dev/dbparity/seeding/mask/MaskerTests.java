package dev.dbparity.seeding.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MaskerTests {

	static final MaskingKey KEY = MaskingKey.of("test key");

	static String mask(Mask mask, String value) {
		return new Masker(KEY).mask(mask, Optional.of(value)).orElse(null);
	}

	@ParameterizedTest
	@EnumSource(value = Mask.Kind.class, names = { "EMAIL", "NAME", "PHONE", "HASH" })
	@DisplayName("the same input gives the same output in every instance (joins survive), another key another output")
	void stableAndKeyed(Mask.Kind kind) {
		String input = kind == Mask.Kind.PHONE ? "+41 79 555 12 34" : "Ada.Lovelace@example.com";
		String once = new Masker(KEY).mask(Mask.of(kind), Optional.of(input)).orElseThrow();
		assertThat(new Masker(MaskingKey.of("test key")).mask(Mask.of(kind), Optional.of(input))).hasValue(once);
		assertThat(new Masker(MaskingKey.of("other key")).mask(Mask.of(kind), Optional.of(input))).isNotEqualTo(
				Optional.of(once));
		assertThat(once).isNotEqualTo(input);
	}

	@Test
	@DisplayName("emails keep their shape, and the domain when asked")
	void email() {
		assertThat(mask(Mask.of(Mask.Kind.EMAIL), "ada.lovelace@bank.ch")).matches("[a-z0-9]{12}@example\\.org");
		assertThat(mask(new Mask(Mask.Kind.EMAIL, true, 0, BigDecimal.ZERO), "ada@bank.ch")).matches("[a-z0-9]{6}@bank\\.ch");
		Set<String> distinct = new HashSet<>();
		for (int i = 0; i < 5000; i++) {
			distinct.add(mask(Mask.of(Mask.Kind.EMAIL), "user" + i + "@corp.com"));
		}
		assertThat(distinct).as("pseudonyms of different addresses differ").hasSize(5000);
	}

	@Test
	@DisplayName("phones keep separators, length and the +; names keep their case and word count")
	void phoneAndName() {
		assertThat(mask(Mask.of(Mask.Kind.PHONE), "+41 (79) 555-12-34")).matches("\\+\\d\\d \\(\\d\\d\\) \\d{3}-\\d\\d-\\d\\d");
		assertThat(mask(Mask.of(Mask.Kind.NAME), "Ada Lovelace")).matches("[A-Z][a-z]+ [A-Z][a-z]+");
		assertThat(mask(Mask.of(Mask.Kind.NAME), "LOVELACE")).matches("[A-Z]+");
	}

	@Test
	@DisplayName("redaction keeps length and punctuation, hashes are short keyed hex, null is null")
	void redactHashNull() {
		assertThat(mask(Mask.of(Mask.Kind.REDACT), "Call me at 555-1234, Ada!")).isEqualTo("xxxx xx xx 000-0000, xxx!");
		assertThat(mask(Mask.of(Mask.Kind.HASH), "secret")).matches("h_[0-9a-f]{16}");
		assertThat(new Masker(KEY).mask(Mask.of(Mask.Kind.NULL), Optional.of("x"))).isEmpty();
		assertThat(new Masker(KEY).mask(Mask.of(Mask.Kind.EMAIL), Optional.empty())).isEmpty();
		assertThat(mask(Mask.of(Mask.Kind.NONE), "kept")).isEqualTo("kept");
	}

	@Test
	@DisplayName("dates move within the window, numbers within the fraction, keeping their scale")
	void dateShiftAndNoise() {
		Mask shift = new Mask(Mask.Kind.DATE_SHIFT, false, 10, BigDecimal.ZERO);
		Mask noise = new Mask(Mask.Kind.NOISE, false, 0, new BigDecimal("0.05"));
		for (int i = 0; i < 200; i++) {
			LocalDate date = LocalDate.of(2000, 1, 1).plusDays(i * 37L);
			LocalDate shifted = LocalDate.parse(mask(shift, date.toString()));
			assertThat(Math.abs(ChronoUnit.DAYS.between(date, shifted))).isLessThanOrEqualTo(10);
			BigDecimal amount = new BigDecimal(100 + i + ".25");
			BigDecimal noisy = new BigDecimal(mask(noise, amount.toPlainString()));
			assertThat(noisy.scale()).isEqualTo(2);
			assertThat(noisy.subtract(amount).abs()).isLessThanOrEqualTo(amount.multiply(new BigDecimal("0.0501")));
		}
		assertThat(mask(shift, "2024-05-01 12:30:00")).matches("2024-0[45]-\\d\\d 12:30:00");
		assertThatThrownBy(() -> mask(shift, "May 1st")).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("dateShift needs an ISO date (2024-05-01) or timestamp (2024-05-01 12:00:00), not \"May 1st\"");
	}

	@Test
	@DisplayName("the key comes from DBPARITY_MASKING_KEY, else the development key, which is never printed as secret")
	void key() {
		assertThat(MaskingKey.fromEnvironment(Map.of("DBPARITY_MASKING_KEY", "s3cret"))).isEqualTo(MaskingKey.of("s3cret"))
			.hasToString("MaskingKey[***]");
		assertThat(MaskingKey.fromEnvironment(Map.of())).isEqualTo(MaskingKey.developmentKey())
			.hasToString("MaskingKey[development]").extracting(MaskingKey::development).isEqualTo(true);
	}

	@Test
	@DisplayName("column names that look personal are recognised")
	void sensitive() {
		assertThat(Set.of("email", "customer_email", "phone", "first_name", "last_name", "name", "street_address",
				"ssn", "iban", "birth_date", "date_of_birth")).allMatch(Masker::looksSensitive);
		assertThat(Set.of("id", "status", "amount", "created_at", "product_id")).noneMatch(Masker::looksSensitive);
	}
}
