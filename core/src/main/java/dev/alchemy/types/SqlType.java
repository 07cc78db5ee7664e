package dev.alchemy.types;

/**
 * A SQL type and the Java type its values have, like SQLAlchemy's {@code TypeEngine}. How a value is stored and
 * what DDL names the type is the dialect's business ({@code Dialect.binder}, {@code Dialect.ddlType}); the type
 * only says what it is.
 *
 * @param <T> the Java type of values
 * @see SqlTypes
 */
public interface SqlType<T> {

    /** @return the Java class of values of this type */
    Class<T> javaType();

    /**
     * The generic SQL name of the type, with its arguments, as SQLAlchemy's {@code str(type)} shows it:
     * {@code INTEGER}, {@code VARCHAR(50)}, {@code NUMERIC(10, 2)}. Dialects may render other names in DDL.
     *
     * @return the generic name
     */
    String sqlName();
}
