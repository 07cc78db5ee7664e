package dev.alchemy.boot.autoconfigure;

import dev.alchemy.orm.Column;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.type.filter.TypeFilter;

/**
 * Classes annotated with JPA's {@code @Table} or {@code @Entity} in the packages scanned for models. Alchemy's
 * {@code @Table} and {@code @Column} share their simple names with JPA's, so an IDE's auto-import easily picks the
 * wrong one; such a class is then silently no model. Reported at WARN when no model was found at all, and for each
 * class that has Alchemy's {@code @Column} but JPA's {@code @Table}.
 */
final class JpaLookalikes {

    private static final List<String> ANNOTATIONS = List.of(
            "jakarta.persistence.Table",
            "jakarta.persistence.Entity",
            "javax.persistence.Table",
            "javax.persistence.Entity");

    static final TypeFilter FILTER =
            (reader, factory) -> ANNOTATIONS.stream().anyMatch(reader.getAnnotationMetadata()::hasAnnotation);

    static final String ACTION = "If they are meant to be Alchemy models, import dev.alchemy.orm.Table and "
            + "dev.alchemy.orm.Column instead of JPA's jakarta.persistence.Table and Column.";

    private static final Log logger = LogFactory.getLog(ModelScanner.class);

    private JpaLookalikes() {}

    /** @return a sentence naming the JPA entities found, empty when there are none */
    static String found(Set<Class<?>> jpa) {
        if (jpa.isEmpty()) {
            return "";
        }
        return " It found " + jpa.size() + (jpa.size() == 1 ? " class" : " classes")
                + " annotated with JPA's @Table or @Entity: "
                + jpa.stream().map(Class::getName).sorted().toList() + ".";
    }

    /** Warns about JPA entities that use Alchemy's {@code @Column}: a wrong import of {@code @Table}. */
    static void warn(Set<Class<?>> models, Set<Class<?>> jpa, String where) {
        if (models.isEmpty()) {
            return; // the "no models" report names them all
        }
        for (Class<?> type : jpa) {
            if (hasAlchemyColumns(type)) {
                logger.warn("Alchemy: " + type.getName() + " in " + where + " has Alchemy's @"
                        + Column.class.getName() + " but is annotated with JPA's @Table or @Entity, so it is no "
                        + "Alchemy model and has no table. If it is meant to be one, import dev.alchemy.orm.Table "
                        + "instead of jakarta.persistence.Table.");
            }
        }
    }

    private static boolean hasAlchemyColumns(Class<?> type) {
        try {
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                if (Stream.concat(Stream.of(c.getDeclaredFields()), Stream.of(c.getDeclaredMethods()))
                        .anyMatch(member -> member.isAnnotationPresent(Column.class))) {
                    return true;
                }
            }
        } catch (LinkageError e) {
            return false; // a class that cannot be inspected is reported by its own use, not here
        }
        return false;
    }
}
