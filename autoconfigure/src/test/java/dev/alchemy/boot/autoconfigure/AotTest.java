package dev.alchemy.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.alchemy.boot.autoconfigure.session.User;
import dev.alchemy.orm.Session;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.aot.AotDetector;
import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedFiles;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.aot.BeanFactoryInitializationCode;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.SpringProperties;
import org.springframework.javapoet.ClassName;

/**
 * Ahead-of-time processing: the models are scanned at build time and recorded, and the hints a native image needs
 * (models, the shared Session's JDK proxy, the pool's bound properties) are registered, checked with
 * {@link RuntimeHintsPredicates}.
 */
class AotTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    AlchemyDataSourceAutoConfiguration.class,
                    org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration.class,
                    AlchemyAutoConfiguration.class))
            .withPropertyValues(
                    "alchemy.url=sqlite:///:memory:", "alchemy.models.packages=" + User.class.getPackageName());

    @Test
    void theRegistrarsAreFoundThroughAotFactories() {
        assertThat(AotServices.factories().load(RuntimeHintsRegistrar.class))
                .anyMatch(AlchemyRuntimeHints.class::isInstance);
        assertThat(AotServices.factories().load(BeanFactoryInitializationAotProcessor.class))
                .anyMatch(AlchemyModelsAotProcessor.class::isInstance);
    }

    @Test
    void theSharedSessionsProxyAndThePoolsPropertiesHaveHints() {
        RuntimeHints hints = new RuntimeHints();
        new AlchemyRuntimeHints().registerHints(hints, getClass().getClassLoader());
        assertThat(RuntimeHintsPredicates.proxies().forInterfaces(Session.class))
                .accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(HikariDataSource.class, "setMaximumPoolSize"))
                .accepts(hints);
    }

    @Test
    void theModelsAreRecordedAtBuildTimeWithTheirHints() {
        runner.run(context -> {
            BeanFactoryInitializationAotContribution contribution =
                    new AlchemyModelsAotProcessor().processAheadOfTime(context.getBeanFactory());
            assertThat(contribution).isNotNull();
            InMemoryGeneratedFiles files = new InMemoryGeneratedFiles();
            DefaultGenerationContext generation =
                    new DefaultGenerationContext(new ClassNameGenerator(ClassName.get("com.example", "App")), files);
            contribution.applyTo(generation, (BeanFactoryInitializationCode) null);
            RuntimeHints hints = generation.getRuntimeHints();

            assertThat(RuntimeHintsPredicates.reflection().onType(User.class)).accepts(hints);
            assertThat(RuntimeHintsPredicates.reflection().onFieldAccess(User.class, "name"))
                    .accepts(hints);
            assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(User.class.getDeclaredConstructor()))
                    .accepts(hints);
            assertThat(RuntimeHintsPredicates.resource().forResource(ModelScanner.AOT_MODELS))
                    .accepts(hints);

            String recorded = files.getGeneratedFileContent(GeneratedFiles.Kind.RESOURCE, ModelScanner.AOT_MODELS);
            Properties properties = new Properties();
            properties.load(new StringReader(recorded));
            assertThat(properties.getProperty("models")).contains(User.class.getName());
            assertThat(properties.getProperty("packages")).isEqualTo(User.class.getPackageName());
        });
    }

    @Test
    void theSubclassesOfAHierarchyGetHintsWithTheirBase() {
        RuntimeHints hints = new RuntimeHints();
        AlchemyRuntimeHints.registerModels(
                hints, java.util.List.of(dev.alchemy.boot.autoconfigure.inheritance.Staff.class));
        // no @Table of their own, so the scan does not find them: the base's @Polymorphic lists them
        assertThat(RuntimeHintsPredicates.reflection().onType(dev.alchemy.boot.autoconfigure.inheritance.Lead.class))
                .accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection()
                        .onFieldAccess(dev.alchemy.boot.autoconfigure.inheritance.Engineer.class, "language"))
                .accepts(hints);
    }

    @Test
    void withTheAotArtifactsTheRecordIsReadInsteadOfScanning(@TempDir Path dir) throws IOException {
        Path record = dir.resolve(ModelScanner.AOT_MODELS);
        Files.createDirectories(record.getParent());
        Files.writeString(record, "packages=recorded.at.build.time\nmodels=" + User.class.getName() + "\n");
        SpringProperties.setProperty(AotDetector.AOT_ENABLED, "true");
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            runner.withClassLoader(loader).run(context -> {
                AlchemyModels models = context.getBean(AlchemyModels.class);
                assertThat(models.packages()).containsExactly("recorded.at.build.time"); // not scanned
                assertThat(models.models()).containsExactly(User.class);
            });
        } finally {
            SpringProperties.setProperty(AotDetector.AOT_ENABLED, null);
        }
    }
}
