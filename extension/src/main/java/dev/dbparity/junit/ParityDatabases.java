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
 * {@code @ParityDatabases} holds repeated {@link ParityDatabase} annotations; the compiler writes it when a class
 * carries more than one. The class then runs once per annotation, each run named after its engine.
 *
 * @since 0.1
 */
@Target({ ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ClassTemplate
@ExtendWith(ParityDatabaseExtension.class)
public @interface ParityDatabases {

	ParityDatabase[] value();
}
