package dev.dbparity.badinput;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the test of one entry of a module's bad-input catalogue ({@code BAD-INPUTS.md}); {@link BadInputCatalogue}
 * checks that every documented entry has exactly one such test and every such test is documented.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface BadInputEntry {

	/** The entry's id as its heading in {@code BAD-INPUTS.md} gives it, e.g. {@code SEED-012}. */
	String value();
}
