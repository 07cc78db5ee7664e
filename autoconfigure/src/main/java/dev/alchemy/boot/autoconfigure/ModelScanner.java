package dev.alchemy.boot.autoconfigure;

import dev.alchemy.exc.MappingError;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.diagnostics.FailureAnalyzedException;
import org.springframework.boot.persistence.autoconfigure.EntityScanPackages;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Finds the model classes: in {@code alchemy.models.packages} when set, else where Boot's {@code EntityScanner} looks
 * (the packages of {@code @EntityScan}, else the application's auto-configuration packages, i.e. the package of the
 * {@code @SpringBootApplication} class). Classes annotated with JPA's {@code @Table} or {@code @Entity} instead are
 * reported ({@link JpaLookalikes}): the annotations share their simple names with Alchemy's.
 */
final class ModelScanner {

    static final String PACKAGES_PROPERTY = "alchemy.models.packages";

    /** Where {@link AlchemyModelsAotProcessor} records the models found at build time. */
    static final String AOT_MODELS = "META-INF/alchemy/aot-models.properties";

    private static final Log logger = LogFactory.getLog(ModelScanner.class);

    private ModelScanner() {}

    static AlchemyModels scan(ApplicationContext context, List<String> configured) {
        if (AotDetector.useGeneratedArtifacts()) {
            AlchemyModels recorded = recorded(context.getClassLoader());
            if (recorded != null) {
                return recorded;
            }
        }
        List<String> packages;
        String source;
        List<String> property = configured.stream()
                .filter(StringUtils::hasText)
                .map(String::strip)
                .toList();
        if (!property.isEmpty()) {
            packages = property;
            source = PACKAGES_PROPERTY;
        } else {
            List<String> entityScan = EntityScanPackages.get(context).getPackageNames();
            if (!entityScan.isEmpty()) {
                packages = entityScan;
                source = "@EntityScan";
            } else {
                packages = AutoConfigurationPackages.has(context) ? AutoConfigurationPackages.get(context) : List.of();
                source = null;
            }
        }
        Set<Class<?>> found = new LinkedHashSet<>();
        Set<Class<?>> jpa = new LinkedHashSet<>();
        try {
            scanPackages(context, packages, found, jpa);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Alchemy could not load a model class it found: " + e.getMessage(), e);
        }
        JpaLookalikes.warn(found, jpa, where(packages, source));
        if (found.isEmpty()) {
            return noModels(packages, source, jpa);
        }
        List<Class<?>> models = new ArrayList<>(found);
        models.sort(Comparator.comparing(Class::getName));
        try {
            AlchemyModels result = AlchemyModels.of(Base.of(models.toArray(Class<?>[]::new)), packages);
            if (logger.isDebugEnabled()) {
                logger.debug("Alchemy found " + models.size() + " model classes in " + where(packages, source) + ": "
                        + names(models));
            }
            return result;
        } catch (MappingError e) {
            throw new FailureAnalyzedException(
                    "Alchemy found the model classes " + names(models) + " in " + where(packages, source)
                            + ", but cannot map them: " + e.getMessage(),
                    "Fix the mapping the message names, or keep that class out of the scanned packages ("
                            + PACKAGES_PROPERTY + ", @EntityScan).",
                    e);
        }
    }

    /** @return the models as {@link AlchemyModelsAotProcessor} writes them to {@link #AOT_MODELS} */
    static String record(AlchemyModels models) {
        Properties properties = new Properties();
        properties.setProperty("packages", String.join(",", models.packages()));
        properties.setProperty(
                "models",
                String.join(",", models.models().stream().map(Class::getName).toList()));
        StringWriter text = new StringWriter();
        try {
            properties.store(text, "Alchemy's models, found when the application was processed ahead of time");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** @return the models recorded at build time, null when there is no record (scan then) */
    private static @Nullable AlchemyModels recorded(@Nullable ClassLoader classLoader) {
        ClassLoader loader = classLoader != null ? classLoader : ModelScanner.class.getClassLoader();
        Properties properties = new Properties();
        try (InputStream in = loader.getResourceAsStream(AOT_MODELS)) {
            if (in == null) {
                return null;
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Alchemy could not read " + AOT_MODELS, e);
        }
        List<String> packages = split(properties.getProperty("packages", ""));
        List<Class<?>> models = new ArrayList<>();
        for (String name : split(properties.getProperty("models", ""))) {
            models.add(ClassUtils.resolveClassName(name, loader));
        }
        if (logger.isDebugEnabled()) {
            logger.debug("Alchemy read its models from " + AOT_MODELS + " (recorded ahead of time, no class-path "
                    + "scan): " + names(models));
        }
        return models.isEmpty()
                ? AlchemyModels.none(packages)
                : AlchemyModels.of(Base.of(models.toArray(Class<?>[]::new)), packages);
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).filter(StringUtils::hasText).toList();
    }

    private static AlchemyModels noModels(List<String> packages, @Nullable String source, Set<Class<?>> jpa) {
        if (source != null) {
            throw new FailureAnalyzedException(
                    "Alchemy found no model classes (annotated with @" + Table.class.getName() + ") in "
                            + where(packages, source) + "." + JpaLookalikes.found(jpa),
                    jpa.isEmpty()
                            ? "Check the package names in " + source + ": each must be the package of your @Table "
                                    + "classes or a parent of it. Remove " + source + " to scan the package of your "
                                    + "@SpringBootApplication class instead."
                            : JpaLookalikes.ACTION);
        }
        if (!jpa.isEmpty()) {
            logger.warn("Alchemy found no model classes (annotated with @" + Table.class.getName() + ") in "
                    + where(packages, null) + "." + JpaLookalikes.found(jpa) + " " + JpaLookalikes.ACTION);
        } else if (logger.isInfoEnabled()) {
            logger.info("Alchemy found no model classes (annotated with @" + Table.class.getName() + ") in "
                    + where(packages, null) + ", so it creates no tables. If you have some elsewhere, name their "
                    + "packages in " + PACKAGES_PROPERTY + " or @EntityScan.");
        }
        return AlchemyModels.none(packages);
    }

    private static String where(List<String> packages, @Nullable String source) {
        if (packages.isEmpty()) {
            return "no package (the application has no @SpringBootApplication or @AutoConfigurationPackage class)";
        }
        String names = (packages.size() == 1 ? "the package " : "the packages ") + String.join(", ", packages);
        return source != null
                ? names + " (from " + source + ")"
                : names + " (the package of the @SpringBootApplication class and its sub-packages)";
    }

    private static List<String> names(List<Class<?>> models) {
        return models.stream().map(Class::getSimpleName).toList();
    }

    /** Finds the Alchemy models, and the JPA entities that may be models with the wrong imports, in one pass. */
    private static void scanPackages(
            ApplicationContext context, List<String> packages, Set<Class<?>> models, Set<Class<?>> jpa)
            throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.setEnvironment(context.getEnvironment());
        scanner.setResourceLoader(context);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Table.class));
        scanner.addIncludeFilter(JpaLookalikes.FILTER);
        for (String name : packages) {
            if (!StringUtils.hasText(name)) {
                continue;
            }
            for (BeanDefinition candidate : scanner.findCandidateComponents(name)) {
                String className = candidate.getBeanClassName();
                if (className == null) {
                    continue;
                }
                boolean model = candidate instanceof AnnotatedBeanDefinition annotated
                        && annotated.getMetadata().hasAnnotation(Table.class.getName());
                (model ? models : jpa).add(ClassUtils.forName(className, context.getClassLoader()));
            }
        }
    }
}
