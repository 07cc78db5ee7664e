package dev.alchemy.schema;

import dev.alchemy.exc.ArgumentError;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A column's reference to another table's column, {@code "users.id"}, like SQLAlchemy's {@code ForeignKey}.
 *
 * @param target the referred column as {@code table.column} (or {@code schema.table.column})
 * @param onDelete the ON DELETE action, or null
 * @param onUpdate the ON UPDATE action, or null
 */
public record ForeignKey(
        String target, @Nullable String onDelete, @Nullable String onUpdate) {

    private static final Set<String> ACTIONS = Set.of("CASCADE", "SET NULL", "SET DEFAULT", "RESTRICT", "NO ACTION");

    /** Checks the target and actions. */
    public ForeignKey {
        Objects.requireNonNull(target, "target");
        if (target.lastIndexOf('.') <= 0 || target.endsWith(".")) {
            throw new ArgumentError("a foreign key target is 'table.column', got '" + target + "'");
        }
        onDelete = checkAction(onDelete, "onDelete");
        onUpdate = checkAction(onUpdate, "onUpdate");
    }

    /**
     * @param target {@code table.column}
     * @return a foreign key without actions
     */
    public static ForeignKey to(String target) {
        return new ForeignKey(target, null, null);
    }

    /**
     * @param action e.g. {@code CASCADE}
     * @return a copy with this ON DELETE action
     */
    public ForeignKey onDelete(String action) {
        return new ForeignKey(target, action, onUpdate);
    }

    /**
     * @param action e.g. {@code CASCADE}
     * @return a copy with this ON UPDATE action
     */
    public ForeignKey onUpdate(String action) {
        return new ForeignKey(target, onDelete, action);
    }

    /** @return the referred table's name (with its schema, if given) */
    public String targetTable() {
        return target.substring(0, target.lastIndexOf('.'));
    }

    /** @return the referred column's name */
    public String targetColumn() {
        return target.substring(target.lastIndexOf('.') + 1);
    }

    static @Nullable String checkAction(@Nullable String action, String what) {
        if (action == null || action.isBlank()) {
            return null;
        }
        String upper = action.strip().toUpperCase(Locale.ROOT);
        if (!ACTIONS.contains(upper)) {
            throw new ArgumentError(what + " must be one of " + ACTIONS + ", got '" + action + "'");
        }
        return upper;
    }
}
