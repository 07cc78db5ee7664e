package dev.alchemy.orm;

import dev.alchemy.schema.Table;
import dev.alchemy.sql.ColumnElement;
import org.jspecify.annotations.Nullable;

/**
 * A condition that every SELECT of a class gets, SQLAlchemy's {@code with_loader_criteria}: for soft delete and
 * multi-tenancy. Register it on a {@link SessionFactory} for a class, an unmapped superclass or an interface; it
 * applies to every model that is or extends it, in queries, {@code scalars(select(...))}, {@code get}, lazy, selectin
 * and joined relationship loads, {@code Query.count()}/{@code exists()}, and bulk {@code update}/{@code delete}.
 * It is asked for its condition each time a statement runs, so it may read the current tenant from a
 * {@code ThreadLocal} or a Spring request-scoped bean:
 *
 * <pre>{@code
 * SessionFactory sessionFactory = new SessionFactory(engine)
 *         .withLoaderCriteria(TenantOwned.class, table -> table.c("tenant_id").eq(Tenants.current()))
 *         .withLoaderCriteria(SoftDeleted.class, table -> table.c("deleted_at").isNull());
 * }</pre>
 *
 * <p>To read past it: {@code query.withoutLoaderCriteria()} (or {@code select(...).withoutLoaderCriteria()}) for one
 * statement, or return null from the criteria (an administrator's thread with no tenant, say) for every statement
 * while that holds. Not covered, as in SQLAlchemy: {@code session.refresh(obj)} and the reload of an expired object,
 * which read an object the session already holds by its key; explicit {@code join()}s of another class; Core
 * statements ({@code session.execute(select(table))}).
 */
@FunctionalInterface
public interface LoaderCriteria {

    /**
     * The condition for one statement.
     *
     * @param table the table of the model class loaded (the class's own, for a subclass of the class registered)
     * @return the condition on its columns, or null for none this time
     */
    @Nullable
    ColumnElement<Boolean> condition(Table table);
}
