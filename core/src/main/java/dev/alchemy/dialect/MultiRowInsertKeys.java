package dev.alchemy.dialect;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How the keys a database generates for the rows of one multi-row {@code INSERT ... VALUES (...), (...)} reach the
 * ORM, which must match each key to the object whose row it is. A dialect answers with
 * {@link Dialect#multiRowInsertKeys()}, from what it learnt about the server when the engine connected.
 *
 * <ul>
 *   <li>{@link #returning()}: the statement returns them ({@code RETURNING}: PostgreSQL, SQLite, MariaDB 10.5+).
 *   <li>{@link #consecutive(long)}: the driver reports the key of the statement's first row, and the server
 *       guarantees that the others follow it by a fixed step, in the order of the rows (MySQL with InnoDB's
 *       {@code innodb_autoinc_lock_mode} 0 or 1; the step is {@code auto_increment_increment}).
 *   <li>{@link #oneRowAtATime(String)}: neither; the ORM inserts such rows one statement each and takes each key
 *       from the driver.
 * </ul>
 *
 * <pre>{@code
 * MultiRowInsertKeys keys = Dialect.of(engine).multiRowInsertKeys();
 * if (keys.method() == MultiRowInsertKeys.Method.CONSECUTIVE) { ... keys.step() ... }
 * }</pre>
 */
public final class MultiRowInsertKeys {

    /** How the keys are obtained. */
    public enum Method {
        /** The INSERT returns the keys ({@code RETURNING}). */
        RETURNING,
        /** The driver's key of the first row, then one every {@link #step()} in row order. */
        CONSECUTIVE,
        /** One INSERT per row, each row's key from the driver. */
        ONE_ROW_AT_A_TIME
    }

    private static final MultiRowInsertKeys RETURNING = new MultiRowInsertKeys(Method.RETURNING, 1, "");

    private final Method method;
    private final long step;
    private final String reason;

    private MultiRowInsertKeys(Method method, long step, String reason) {
        this.method = method;
        this.step = step;
        this.reason = reason;
    }

    /** @return keys returned by the statement itself */
    public static MultiRowInsertKeys returning() {
        return RETURNING;
    }

    /**
     * @param step the difference between the keys of consecutive rows ({@code auto_increment_increment}), at least 1
     * @return keys that start at the driver's key of the first row and go up by {@code step}, row by row
     * @throws IllegalArgumentException when the step is below 1
     */
    public static MultiRowInsertKeys consecutive(long step) {
        if (step < 1) {
            throw new IllegalArgumentException("the step between consecutive keys must be at least 1, got " + step);
        }
        return new MultiRowInsertKeys(Method.CONSECUTIVE, step, "");
    }

    /**
     * @param reason why the keys of one multi-row INSERT cannot be matched to its rows, for logs and tests
     * @return one INSERT per row
     */
    public static MultiRowInsertKeys oneRowAtATime(String reason) {
        return new MultiRowInsertKeys(Method.ONE_ROW_AT_A_TIME, 1, Objects.requireNonNull(reason, "reason"));
    }

    /** @return how the keys are obtained */
    public Method method() {
        return method;
    }

    /** @return for {@link Method#CONSECUTIVE}, the difference between consecutive rows' keys; otherwise 1 */
    public long step() {
        return step;
    }

    /** @return for {@link Method#ONE_ROW_AT_A_TIME}, why; otherwise empty */
    public String reason() {
        return reason;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof MultiRowInsertKeys k && k.method == method && k.step == step && k.reason.equals(reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, step, reason);
    }

    @Override
    public String toString() {
        return switch (method) {
            case RETURNING -> "RETURNING";
            case CONSECUTIVE -> "CONSECUTIVE(step " + step + ")";
            case ONE_ROW_AT_A_TIME -> "ONE_ROW_AT_A_TIME(" + reason + ")";
        };
    }
}
