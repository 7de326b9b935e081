package dev.dbparity.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code @ParityDatabases} runs a class once per {@link ParityDatabase} it lists, each run named after its engine:
 * <pre>{@code
 * @ParityDatabases({ @ParityDatabase(engine = Engine.POSTGRES), @ParityDatabase(engine = Engine.MARIADB) })
 * class BookRepositoryTests { ... }
 * }</pre>
 * It is a JUnit class template, which needs JUnit 5.13 or later; a class with one {@code @ParityDatabase} runs on
 * JUnit 5.12 too. Like {@code @ParityDatabase} it may be used as a meta-annotation and is inherited.
 *
 * @since 0.1
 */
@Target({ ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ClassTemplate
@ExtendWith({ ParityDatabaseExtension.class, ParityEngineTemplates.class })
public @interface ParityDatabases {

	/** The engines to run the class on, each with its own settings. */
	ParityDatabase[] value();
}
