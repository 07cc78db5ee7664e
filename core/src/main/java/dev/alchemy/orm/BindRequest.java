package dev.alchemy.orm;

import dev.alchemy.engine.Engine;
import dev.alchemy.sql.TableClause;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a session is about to run, given to a {@link BindResolver} to choose the engine it runs on: the arguments of
 * SQLAlchemy's {@code Session.get_bind(mapper, clause)}, plus what SQLAlchemy's routing recipes look up by hand.
 *
 * @param model the model class the statement loads or writes, or null for a statement of no model (Core
 *     statements, {@code text()})
 * @param tables the tables the statement names (its FROM list with joins, subqueries and CTEs, or the table an
 *     INSERT, UPDATE or DELETE writes); empty for {@code text()}
 * @param write whether it writes: a flush, or an INSERT, UPDATE or DELETE given to {@code execute}
 * @param readOnly whether the session is read-only ({@link SessionFactory#withReadOnly(boolean)})
 * @param mappedBind the engine the factory's binds choose ({@link SessionFactory#withBind(Class, Engine)}, {@link
 *     SessionFactory#withBind(dev.alchemy.schema.Table, Engine)}), else its engine: what a resolver returns for
 *     what it does not route itself, like calling {@code super().get_bind()} in SQLAlchemy
 */
public record BindRequest(
        @Nullable Class<?> model, Set<TableClause> tables, boolean write, boolean readOnly, Engine mappedBind) {

    /** Checks and copies the components. */
    public BindRequest {
        tables = Set.copyOf(Objects.requireNonNull(tables, "tables"));
        Objects.requireNonNull(mappedBind, "mappedBind");
    }
}
