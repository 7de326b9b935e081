package dev.dbparity.seeding.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.dbparity.seeding.mask.Mask;

class FixturePlanTests {

	/**
	 * The lock hash covers the masks as text: their order must not depend on the JVM ({@code Map.copyOf} iterates in an
	 * order salted per JVM, which once made a committed lock fail in one run out of three).
	 */
	@Test
	void masksIterateInNameOrder() {
		Map<String, Mask> masks = new LinkedHashMap<>();
		masks.put("phone", Mask.of(Mask.Kind.PHONE));
		masks.put("email", Mask.of(Mask.Kind.EMAIL));
		masks.put("full_name", Mask.of(Mask.Kind.NAME));

		FixturePlan plan = new FixturePlan("customer", "customers.csv", List.of("email", "full_name", "phone"), masks,
				List.of());

		assertThat(plan.masks().keySet()).containsExactly("email", "full_name", "phone");
	}
}
