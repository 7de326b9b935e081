package dev.dbparity.junit.spi;

import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.extension.ExtensionContext;

import dev.dbparity.junit.ParityDb;
import dev.dbparity.runtime.MigrationRunnerChoice;

/**
 * {@code ContextBinding} ties {@code @ParityDatabase}'s databases to a context another framework keeps for a test class
 * — Spring's application context, whose {@code DataSource} must be the class's database. For implementors; registered
 * in {@code META-INF/services/dev.dbparity.junit.spi.ContextBinding}.
 *
 * <p>For a class it applies to, the extension lets the binding open the class's database (the binding knows how the
 * application migrates) and tells it, before each test, which database the test uses: the class's, or with
 * {@code PER_METHOD} isolation the method's. Parameters of other types than dbparity's own are then left to the other
 * framework.
 *
 * @since 0.1
 */
public interface ContextBinding {

	/** Whether {@code classContext}'s test class runs in a context this binding serves. */
	boolean appliesTo(ExtensionContext classContext);

	/**
	 * Opens the class's database by calling {@code open} once, with the migration runner the application migrates with
	 * (empty for the configured one), and binds the class's context to it.
	 *
	 * @return what {@code open} returned
	 */
	ParityDb openForClass(ExtensionContext classContext, Function<Optional<MigrationRunnerChoice>, ParityDb> open);

	/** Points the context at {@code database}, the one the test about to run ({@code context}) uses. */
	void use(ExtensionContext context, ParityDb database);
}
