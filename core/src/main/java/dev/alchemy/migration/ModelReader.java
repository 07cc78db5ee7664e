package dev.alchemy.migration;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.schema.CheckConstraint;
import dev.alchemy.schema.Column;
import dev.alchemy.schema.Constraint;
import dev.alchemy.schema.DDL;
import dev.alchemy.schema.ForeignKeyConstraint;
import dev.alchemy.schema.Index;
import dev.alchemy.schema.PrimaryKeyConstraint;
import dev.alchemy.schema.Table;
import dev.alchemy.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A model's {@link Table} as a {@link TableDef}, with types as the dialect's DDL writes them. */
final class ModelReader {

    private ModelReader() {}

    static TableDef read(Table table, Dialect dialect) {
        List<ColumnDef> columns = new ArrayList<>();
        List<ConstraintDef> constraints = new ArrayList<>();
        boolean singleKey = table.primaryKey().size() == 1;
        for (Column<?> c : table.columns()) {
            String type;
            boolean autoincrement = c.isAutoincrement();
            if (autoincrement) {
                type = storedType(dialect.ddlAutoincrementType(c.type(), singleKey), dialect.ddlType(c.type()));
            } else {
                type = dialect.ddlType(c.type());
            }
            columns.add(new ColumnDef(
                    c.name(), type, c.isNullable(), DDL.serverDefaultSql(table, c, dialect), autoincrement));
        }
        ConstraintDef.PrimaryKey primaryKey = null;
        for (Constraint c : table.constraints()) {
            if (c instanceof PrimaryKeyConstraint p) {
                primaryKey = new ConstraintDef.PrimaryKey(p.name(), p.columns());
            } else if (c instanceof UniqueConstraint u) {
                constraints.add(new ConstraintDef.Unique(u.name(), u.columns()));
            } else if (c instanceof CheckConstraint k) {
                constraints.add(new ConstraintDef.Check(k.name(), k.sqlText()));
            } else if (c instanceof ForeignKeyConstraint f) {
                constraints.add(foreignKey(table, f));
            }
        }
        for (Column<?> c : table.columns()) {
            CheckConstraint check = c.checkConstraint();
            if (check != null) {
                constraints.add(new ConstraintDef.Check(check.name(), check.sqlText()));
            }
        }
        List<IndexDef> indexes = new ArrayList<>();
        for (Index i : table.indexes()) {
            indexes.add(new IndexDef(i.name(), i.columns(), i.unique()));
        }
        return new TableDef(table.schema(), table.name(), columns, primaryKey, constraints, indexes);
    }

    /** PostgreSQL's SERIAL is an INTEGER with a sequence: the column's stored type is the plain one. */
    private static String storedType(String autoincrementType, String plainType) {
        return switch (autoincrementType.toUpperCase(Locale.ROOT)) {
            case "SERIAL", "BIGSERIAL", "SMALLSERIAL" -> plainType;
            default -> autoincrementType;
        };
    }

    private static ConstraintDef.ForeignKey foreignKey(Table table, ForeignKeyConstraint f) {
        String referred = f.referredTable();
        @Nullable String schema = null;
        Table target = table.metadata().table(referred);
        if (target != null) {
            schema = target.schema();
            referred = target.name();
        } else {
            int dot = referred.indexOf('.');
            if (dot >= 0) {
                schema = referred.substring(0, dot);
                referred = referred.substring(dot + 1);
            }
        }
        if (schema != null && schema.equals(table.schema())) {
            schema = null;
        }
        return new ConstraintDef.ForeignKey(
                f.name(), f.columns(), schema, referred, f.referredColumns(), f.onDelete(), f.onUpdate());
    }
}
