package dev.alchemy.schema;

import dev.alchemy.exc.ArgumentError;
import dev.alchemy.sql.ColumnElement;
import dev.alchemy.sql.SqlCompiler;
import dev.alchemy.types.SqlType;
import dev.alchemy.types.SqlTypes;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A database sequence, SQLAlchemy's {@code Sequence}: a counter in the database that hands out numbers, for
 * PostgreSQL. It belongs to a {@link MetaData}, whose {@code createAll} creates it before the tables and whose
 * {@code dropAll} drops it after them; on a database without sequences (SQLite) both pass it over, as SQLAlchemy's
 * do. {@link #nextValue()} is {@code nextval('name')}, usable in statements and as a column's server default:
 *
 * <pre>{@code
 * Sequence orderNumbers = Sequence.of("order_no_seq", metadata, 1000, 1);
 * Table orders = Table.of("orders", metadata,
 *         Column.of("id", INTEGER).primaryKey(),
 *         Column.of("order_no", BIGINT).notNull().serverDefault(orderNumbers.nextValue()));
 * metadata.createAll(engine);   // CREATE SEQUENCE order_no_seq INCREMENT BY 1 START WITH 1000, then the table
 * long next = conn.execute(select(orderNumbers.nextValue())).scalar(Long.class);
 * }</pre>
 *
 * <p>Immutable. Keys that only need numbering should stay autoincrement columns ({@code SERIAL}), which make their
 * own sequence; a sequence of your own is for numbers shared by tables, or with a start or step of their own.
 */
public final class Sequence {

    private final String name;
    private final @Nullable String schema;
    private final @Nullable Long start;
    private final @Nullable Long increment;
    private final MetaData metadata;

    private Sequence(
            String name, @Nullable String schema, @Nullable Long start, @Nullable Long increment, MetaData metadata) {
        if (name.isBlank()) {
            throw new ArgumentError("a sequence needs a non-empty name");
        }
        if (increment != null && increment == 0) {
            throw new ArgumentError("sequence '" + name + "' cannot increment by 0");
        }
        this.name = name;
        this.schema = schema;
        this.start = start;
        this.increment = increment;
        this.metadata = metadata;
        metadata.add(this);
    }

    /**
     * Defines a sequence that starts at the database's default (1) and counts up by 1: {@code CREATE SEQUENCE name}.
     *
     * @param name the sequence's name
     * @param metadata the MetaData it belongs to
     * @return the sequence
     * @throws ArgumentError when the MetaData has a sequence of that name already
     */
    public static Sequence of(String name, MetaData metadata) {
        return new Sequence(Objects.requireNonNull(name, "name"), null, null, null, metadata(metadata));
    }

    /**
     * Defines a sequence with its first value and step: {@code CREATE SEQUENCE name INCREMENT BY 5 START WITH 100}.
     *
     * @param name the sequence's name
     * @param metadata the MetaData it belongs to
     * @param start the first value
     * @param increment the step, not zero (negative counts down)
     * @return the sequence
     */
    public static Sequence of(String name, MetaData metadata, long start, long increment) {
        return new Sequence(Objects.requireNonNull(name, "name"), null, start, increment, metadata(metadata));
    }

    /**
     * Defines a sequence in a database schema: {@code CREATE SEQUENCE inventory.name ...}.
     *
     * @param schema the schema
     * @param name the sequence's name
     * @param metadata the MetaData it belongs to
     * @param start the first value
     * @param increment the step, not zero
     * @return the sequence
     */
    public static Sequence inSchema(String schema, String name, MetaData metadata, long start, long increment) {
        return new Sequence(
                Objects.requireNonNull(name, "name"),
                Objects.requireNonNull(schema, "schema"),
                start,
                increment,
                metadata(metadata));
    }

    private static MetaData metadata(MetaData metadata) {
        return Objects.requireNonNull(metadata, "metadata");
    }

    /** @return the name */
    public String name() {
        return name;
    }

    /** @return the schema, or null for the default */
    public @Nullable String schema() {
        return schema;
    }

    /** @return the name with its schema, {@code schema.name} or {@code name} */
    public String fullName() {
        return schema == null ? name : schema + "." + name;
    }

    /** @return the first value, or null for the database's default */
    public @Nullable Long start() {
        return start;
    }

    /** @return the step, or null for the database's default (1) */
    public @Nullable Long increment() {
        return increment;
    }

    /** @return the MetaData it belongs to */
    public MetaData metadata() {
        return metadata;
    }

    /**
     * The sequence's next value, SQLAlchemy's {@code next_value()}: {@code nextval('order_no_seq')} on PostgreSQL.
     * Each evaluation takes a new number, also in a transaction that then rolls back. Compiling it for a database
     * without sequences raises {@link dev.alchemy.exc.CompileError}.
     *
     * @return the expression, a {@code BIGINT}
     */
    public ColumnElement<Long> nextValue() {
        return new NextValue(this);
    }

    @Override
    public String toString() {
        return "Sequence(" + fullName() + ")";
    }

    /** {@code nextval(...)}, written by the dialect. */
    private record NextValue(Sequence sequence) implements ColumnElement<Long> {

        @Override
        public SqlType<Long> type() {
            return SqlTypes.BIGINT;
        }

        @Override
        public String key() {
            return "next_value";
        }

        @Override
        public void compileTo(SqlCompiler compiler) {
            compiler.dialect().renderNextValue(compiler, DDL.sequenceName(sequence, compiler.dialect()));
        }

        @Override
        public String toString() {
            return "nextval(" + sequence.fullName() + ")";
        }
    }
}
