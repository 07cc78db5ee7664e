package dev.alchemy.types;

import dev.alchemy.exc.ArgumentError;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A Java enum stored by constant name ↔ the enum, like SQLAlchemy's {@code Enum(PythonEnum)} with
 * {@code native_enum=False}: {@code VARCHAR(n)} where n is the longest constant name (or a longer given length).
 *
 * <pre>{@code
 * enum Status { NEW, SHIPPED }
 * Column<Status> status = Column.of("status", SqlTypes.enumOf(Status.class)); // VARCHAR(7)
 * }</pre>
 *
 * @param javaType the enum class
 * @param length the VARCHAR length, at least the longest constant name
 * @param <E> the enum
 */
public record EnumType<E extends Enum<E>>(Class<E> javaType, int length) implements SqlType<E> {

    /** Checks that the class is an enum and that every constant name fits. */
    public EnumType {
        Objects.requireNonNull(javaType, "javaType");
        if (!javaType.isEnum()) {
            throw new ArgumentError(javaType.getName() + " is not an enum class");
        }
        int longest = longestName(javaType);
        if (length < longest) {
            throw new ArgumentError("a VARCHAR(" + length + ") is too short for the constants of " + javaType.getName()
                    + ", the longest name has " + longest + " characters");
        }
    }

    /**
     * The type for an enum, its length the longest constant name, as SQLAlchemy computes it.
     *
     * @param javaType the enum class
     * @param <E> the enum
     * @return the type
     */
    public static <E extends Enum<E>> EnumType<E> of(Class<E> javaType) {
        Objects.requireNonNull(javaType, "javaType");
        if (!javaType.isEnum()) {
            throw new ArgumentError(javaType.getName() + " is not an enum class");
        }
        return new EnumType<>(javaType, longestName(javaType));
    }

    private static int longestName(Class<?> javaType) {
        int longest = 1; // an enum without constants still needs a valid VARCHAR length
        for (Object constant : javaType.getEnumConstants()) {
            longest = Math.max(longest, ((Enum<?>) constant).name().length());
        }
        return longest;
    }

    /**
     * The constant with a stored name.
     *
     * @param name the stored name
     * @return the constant, or null for null
     * @throws ArgumentError when no constant has that name
     */
    public @Nullable E fromName(@Nullable String name) {
        if (name == null) {
            return null;
        }
        try {
            return Enum.valueOf(javaType, name);
        } catch (IllegalArgumentException e) {
            throw new ArgumentError(
                    "'" + name + "' is not a constant of " + javaType.getName() + "; stored values must "
                            + "be constant names",
                    e);
        }
    }

    @Override
    public String sqlName() {
        return "VARCHAR(" + length + ")";
    }

    @Override
    public String toString() {
        return "Enum(" + javaType.getSimpleName() + ")";
    }
}
