package dev.alchemy.schema;

import dev.alchemy.exc.ArgumentError;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A column's reference to another table's column, like SQLAlchemy's {@code ForeignKey("users.id")}. The table
 * renders it as {@code FOREIGN KEY(user_id) REFERENCES users (id)}, after its other constraints.
 *
 * <pre>{@code
 * Column.of("user_id", INTEGER).references(ForeignKey.to("users.id").onDelete("CASCADE"))
 * Column.of("editor_id", INTEGER).references(ForeignKey.to("users.id").name("fk_posts_editor"))
 * }</pre>
 *
 * @param target the referred column as {@code table.column} (or {@code schema.table.column}); checked when the
 *     table is built
 * @param onDelete the ON DELETE action, or null
 * @param onUpdate the ON UPDATE action, or null
 * @param name the constraint's name, or null
 * @param useAlter whether {@code createAll} adds the constraint with {@code ALTER TABLE} after creating the tables,
 *     as SQLAlchemy's {@code use_alter=True} (for foreign keys that form a cycle)
 */
public record ForeignKey(
        String target,
        @Nullable String onDelete,
        @Nullable String onUpdate,
        @Nullable String name,
        boolean useAlter) {

    static final Set<String> ACTIONS = Set.of("CASCADE", "SET NULL", "SET DEFAULT", "RESTRICT", "NO ACTION");

    /** Checks the actions; the target's form is checked when the column's table is built. */
    public ForeignKey {
        Objects.requireNonNull(target, "target");
        onDelete = checkAction(onDelete, "onDelete");
        onUpdate = checkAction(onUpdate, "onUpdate");
    }

    /**
     * A foreign key without name or actions.
     *
     * @param target {@code table.column}
     * @param onDelete the ON DELETE action, or null
     * @param onUpdate the ON UPDATE action, or null
     */
    public ForeignKey(String target, @Nullable String onDelete, @Nullable String onUpdate) {
        this(target, onDelete, onUpdate, null, false);
    }

    /**
     * @param target {@code table.column}, or {@code schema.table.column}
     * @return a foreign key without actions
     */
    public static ForeignKey to(String target) {
        return new ForeignKey(target, null, null, null, false);
    }

    /**
     * A foreign key to a column of a table already defined, like {@code ForeignKey(users.c.id)}.
     *
     * @param column the referred column
     * @return a foreign key without actions
     * @throws ArgumentError when the column belongs to no table yet
     */
    public static ForeignKey to(Column<?> column) {
        Objects.requireNonNull(column, "column");
        if (column.owner() == null) {
            throw new ArgumentError("a foreign key can only refer to a column of a table; column '" + column.name()
                    + "' belongs to none yet: use ForeignKey.to(\"table." + column.name() + "\")");
        }
        return to(column.fullName());
    }

    /**
     * @param action {@code CASCADE}, {@code SET NULL}, {@code SET DEFAULT}, {@code RESTRICT} or {@code NO ACTION}
     * @return a copy with this ON DELETE action
     */
    public ForeignKey onDelete(String action) {
        return new ForeignKey(target, action, onUpdate, name, useAlter);
    }

    /**
     * @param action {@code CASCADE}, {@code SET NULL}, {@code SET DEFAULT}, {@code RESTRICT} or {@code NO ACTION}
     * @return a copy with this ON UPDATE action
     */
    public ForeignKey onUpdate(String action) {
        return new ForeignKey(target, onDelete, action, name, useAlter);
    }

    /**
     * @param name the constraint's name
     * @return a copy with this name: {@code CONSTRAINT name FOREIGN KEY(...)}
     */
    public ForeignKey name(@Nullable String name) {
        return new ForeignKey(target, onDelete, onUpdate, name, useAlter);
    }

    /**
     * @param useAlter true to have {@code createAll} add the constraint with {@code ALTER TABLE ... ADD} after the
     *     tables, where the database can (SQLite cannot, and keeps it in CREATE TABLE)
     * @return a copy with this setting
     */
    public ForeignKey useAlter(boolean useAlter) {
        return new ForeignKey(target, onDelete, onUpdate, name, useAlter);
    }

    /**
     * @return the referred table's name (with its schema, if given)
     * @throws ArgumentError when the target is not {@code table.column}
     */
    public String targetTable() {
        int dot = checkedDot();
        return target.substring(0, dot);
    }

    /**
     * @return the referred column's name
     * @throws ArgumentError when the target is not {@code table.column}
     */
    public String targetColumn() {
        return target.substring(checkedDot() + 1);
    }

    private int checkedDot() {
        int dot = target.lastIndexOf('.');
        if (!isWellFormed(target)) {
            throw new ArgumentError(
                    "a foreign key target is 'table.column' or 'schema.table.column', got '" + target + "'");
        }
        return dot;
    }

    static boolean isWellFormed(String target) {
        String[] parts = target.split("\\.", -1);
        if (parts.length < 2 || parts.length > 3) {
            return false;
        }
        for (String p : parts) {
            if (p.isBlank()) {
                return false;
            }
        }
        return true;
    }

    static @Nullable String checkAction(@Nullable String action, String what) {
        if (action == null || action.isBlank()) {
            return null;
        }
        String upper = action.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        if (!ACTIONS.contains(upper)) {
            throw new ArgumentError(
                    what + " must be one of CASCADE, SET NULL, SET DEFAULT, RESTRICT, NO ACTION; got '" + action + "'");
        }
        return upper;
    }
}
