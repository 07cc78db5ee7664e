package dev.alchemy.boot.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.io.ByteArrayResource;

/**
 * Scans for the models at build time, when Spring Boot processes the application ahead of time
 * ({@code spring-boot:process-aot}), as Boot's JPA support does with its managed types: the classes found are written
 * to {@value ModelScanner#AOT_MODELS} in the generated resources, which {@link ModelScanner} reads instead of scanning
 * the class path when the application runs with its AOT artifacts ({@code -Dspring.aot.enabled=true}, and always in
 * a native image). The models, their converters and enums get reflection hints.
 */
final class AlchemyModelsAotProcessor implements BeanFactoryInitializationAotProcessor {

    @Override
    public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
            ConfigurableListableBeanFactory beanFactory) {
        String[] names = beanFactory.getBeanNamesForType(AlchemyModels.class, true, false);
        if (names.length != 1) {
            return null;
        }
        AlchemyModels models = beanFactory.getBean(names[0], AlchemyModels.class);
        String recorded = ModelScanner.record(models);
        return (generationContext, code) -> {
            generationContext
                    .getGeneratedFiles()
                    .addResourceFile(
                            ModelScanner.AOT_MODELS, new ByteArrayResource(recorded.getBytes(StandardCharsets.UTF_8)));
            RuntimeHints hints = generationContext.getRuntimeHints();
            hints.resources().registerPattern(ModelScanner.AOT_MODELS);
            AlchemyRuntimeHints.registerModels(hints, List.copyOf(models.models()));
        };
    }
}
