package dev.alchemy.orm.internal.relationships;

import dev.alchemy.exc.ArgumentError;
import dev.alchemy.orm.internal.mapping.Mapper;
import dev.alchemy.orm.internal.mapping.RelationshipProperty;
import dev.alchemy.orm.internal.mapping.RelationshipProperty.Kind;
import dev.alchemy.schema.Table;
import dev.alchemy.sql.ColumnElement;
import dev.alchemy.sql.SqlCompiler;
import dev.alchemy.types.SqlType;
import dev.alchemy.types.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * {@code EXISTS (SELECT 1 FROM <related> WHERE <join> AND <criterion>)}: SQLAlchemy's {@code any()} for collections
 * and {@code has()} for references.
 */
public final class RelatedExists implements ColumnElement<Boolean> {

    private final RelationshipProperty relationship;
    private final @Nullable ColumnElement<Boolean> criterion;

    private RelatedExists(RelationshipProperty relationship, @Nullable ColumnElement<Boolean> criterion) {
        this.relationship = relationship;
        this.criterion = criterion;
    }

    /**
     * @param owner the class with the relationship
     * @param name the relationship's name
     * @param criterion a condition on the related class, or null for "any related row at all"
     * @param collection true for {@code any} (a collection), false for {@code has} (a reference)
     * @return the condition
     */
    public static ColumnElement<Boolean> of(
            Class<?> owner, String name, @Nullable ColumnElement<Boolean> criterion, boolean collection) {
        RelationshipProperty r = Mapper.of(owner).relationship(name).resolve();
        if (r.collection != collection) {
            throw new ArgumentError(
                    r + (collection ? " is not a collection; use has(...)" : " is a collection; use any(...)"));
        }
        if (r.target == r.owner) {
            throw new ArgumentError(
                    r + " is self-referential; any()/has() on it need table aliases, which Alchemy does not "
                            + "generate yet: write the EXISTS with an aliased table instead");
        }
        return new RelatedExists(r, criterion);
    }

    @Override
    public @Nullable SqlType<Boolean> type() {
        return SqlTypes.BOOLEAN;
    }

    @Override
    public void compileTo(SqlCompiler compiler) {
        RelationshipProperty r = relationship;
        Table owner = r.owner.table;
        Table target = r.target.table;
        compiler.append("EXISTS (SELECT 1 \nFROM ");
        if (r.kind == Kind.MANY_TO_MANY) {
            Table secondary = r.secondaryTable();
            compiler.table(secondary);
            compiler.append(", ");
            compiler.table(target);
            compiler.append(" \nWHERE ");
            compiler.column(owner.c(r.referredKey.columnName));
            compiler.append(" = ");
            compiler.column(secondary.c(r.joinColumn()));
            compiler.append(" AND ");
            compiler.column(target.c(r.foreignKey.columnName));
            compiler.append(" = ");
            compiler.column(secondary.c(r.inverseColumn()));
        } else {
            compiler.table(target);
            compiler.append(" \nWHERE ");
            if (r.kind == Kind.MANY_TO_ONE) {
                compiler.column(target.c(r.referredKey.columnName));
                compiler.append(" = ");
                compiler.column(owner.c(r.foreignKey.columnName));
            } else {
                compiler.column(owner.c(r.referredKey.columnName));
                compiler.append(" = ");
                compiler.column(target.c(r.foreignKey.columnName));
            }
        }
        if (criterion != null) {
            compiler.append(" AND ");
            compiler.operand(criterion);
        }
        compiler.append(")");
    }

    @Override
    public String toString() {
        return "EXISTS(" + relationship + (criterion == null ? "" : " WHERE " + criterion) + ")";
    }
}
