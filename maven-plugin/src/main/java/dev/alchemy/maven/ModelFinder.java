package dev.alchemy.maven;

import dev.alchemy.orm.Table;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the project's model classes in its compiled classes by the starter's rules: in the configured packages
 * ({@code alchemy.models.packages}) when given; else in the packages of an {@code @EntityScan}; else in the package
 * of the {@code @SpringBootApplication} class; and in a project without Spring Boot, anywhere.
 */
final class ModelFinder {

    private static final List<String> ENTITY_SCAN = List.of(
            "org.springframework.boot.persistence.autoconfigure.EntityScan",
            "org.springframework.boot.autoconfigure.domain.EntityScan");
    private static final String BOOT_APPLICATION = "org.springframework.boot.autoconfigure.SpringBootApplication";

    /** The models, and the packages they were looked for in with the rule that chose them. */
    record Found(List<Class<?>> models, List<String> packages, String rule) {}

    private ModelFinder() {}

    static Found find(Path classes, ClassLoader loader, List<String> configured) throws IOException {
        List<Class<?>> all = load(classes, loader);
        List<String> packages;
        String rule;
        if (!configured.isEmpty()) {
            packages = configured;
            rule = "alchemy.models.packages";
        } else {
            packages = annotatedPackages(all, true);
            rule = "@EntityScan";
            if (packages.isEmpty()) {
                packages = annotatedPackages(all, false);
                rule = "the package of the @SpringBootApplication class";
            }
            if (packages.isEmpty()) {
                rule = "every package (no @SpringBootApplication class)";
            }
        }
        List<Class<?>> models = new ArrayList<>();
        for (Class<?> c : all) {
            if (c.isAnnotationPresent(Table.class) && within(c, packages)) {
                models.add(c);
            }
        }
        models.sort(Comparator.comparing(Class::getName));
        return new Found(models, packages, rule);
    }

    private static boolean within(Class<?> c, List<String> packages) {
        if (packages.isEmpty()) {
            return true;
        }
        String name = c.getPackageName();
        return packages.stream().anyMatch(p -> name.equals(p) || name.startsWith(p + "."));
    }

    private static List<String> annotatedPackages(List<Class<?>> classes, boolean entityScan) {
        Set<String> packages = new LinkedHashSet<>();
        for (Class<?> c : classes) {
            Annotation[] annotations;
            try {
                annotations = c.getAnnotations();
            } catch (RuntimeException | LinkageError e) {
                continue; // an annotation whose class is missing: not one of ours
            }
            for (Annotation a : annotations) {
                String type = a.annotationType().getName();
                if (entityScan && ENTITY_SCAN.contains(type)) {
                    packages.addAll(strings(a, "value"));
                    packages.addAll(strings(a, "basePackages"));
                    for (Object k : values(a, "basePackageClasses")) {
                        packages.add(((Class<?>) k).getPackageName());
                    }
                    if (packages.isEmpty()) {
                        packages.add(c.getPackageName());
                    }
                } else if (!entityScan && type.equals(BOOT_APPLICATION)) {
                    packages.add(c.getPackageName());
                }
            }
        }
        return List.copyOf(packages);
    }

    private static List<String> strings(Annotation a, String attribute) {
        return values(a, attribute).stream().map(String::valueOf).toList();
    }

    private static List<Object> values(Annotation a, String attribute) {
        try {
            Method m = a.annotationType().getMethod(attribute);
            Object value = m.invoke(a);
            return value instanceof Object[] array ? List.of(array) : List.of();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return List.of();
        }
    }

    /** Every class under the directory, loaded without running its static initializers. */
    private static List<Class<?>> load(Path classes, ClassLoader loader) throws IOException {
        List<Class<?>> loaded = new ArrayList<>();
        if (!Files.isDirectory(classes)) {
            return loaded;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
        for (Path file : files) {
            String relative = classes.relativize(file)
                    .toString()
                    .replace(file.getFileSystem().getSeparator(), ".");
            String name = relative.substring(0, relative.length() - ".class".length());
            if (name.endsWith("package-info") || name.endsWith("module-info")) {
                continue;
            }
            try {
                loaded.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                // a class whose dependencies are not on the runtime class path cannot be a model we can map
            }
        }
        return loaded;
    }
}
