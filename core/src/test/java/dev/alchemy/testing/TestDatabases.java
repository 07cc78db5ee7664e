package dev.alchemy.testing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.AnnotationBasedArgumentsProvider;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * The arguments of {@link OnDatabases}: one new {@link TestDatabase} per kind, which JUnit closes after the class
 * has run on it (arguments that are {@link AutoCloseable} are closed by default).
 */
public final class TestDatabases extends AnnotationBasedArgumentsProvider<OnDatabases> {

    /** The system property that limits the kinds run, e.g. {@code -Dalchemy.test.databases=sqlite}. */
    public static final String PROPERTY = "alchemy.test.databases";

    /** Created by JUnit. */
    public TestDatabases() {}

    @Override
    protected Stream<? extends Arguments> provideArguments(
            ParameterDeclarations parameters, ExtensionContext context, OnDatabases annotation) {
        String owner = context.getRequiredTestClass().getSimpleName();
        Set<TestDatabase.Kind> enabled = enabledKinds();
        return Arrays.stream(annotation.value())
                .filter(enabled::contains)
                .map(kind -> Arguments.of(TestDatabase.create(kind, owner)));
    }

    /** @return the kinds the system property allows; all when it is not set */
    public static Set<TestDatabase.Kind> enabledKinds() {
        String setting = System.getProperty(PROPERTY, "").strip();
        if (setting.isEmpty()) {
            return Set.of(TestDatabase.Kind.values());
        }
        return Arrays.stream(setting.split(","))
                .map(s -> TestDatabase.Kind.valueOf(s.strip().toUpperCase(Locale.ROOT)))
                .collect(Collectors.toUnmodifiableSet());
    }
}
