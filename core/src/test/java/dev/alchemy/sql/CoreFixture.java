package dev.alchemy.sql;

import static dev.alchemy.types.SqlTypes.INTEGER;
import static dev.alchemy.types.SqlTypes.VARCHAR;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.engine.BoundParameter;
import dev.alchemy.engine.CompiledStatement;
import dev.alchemy.engine.EngineDialect;
import dev.alchemy.schema.Column;
import dev.alchemy.schema.MetaData;
import dev.alchemy.schema.Table;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The tables of sqlalchemy-reference.md §2 ({@code 03_dml.py}): users, addresses with a foreign key to users, and
 * nodes for recursive CTEs; and helpers to compile for SQLite and PostgreSQL.
 */
final class CoreFixture {

    static final Dialect SQLITE = Dialect.of(EngineDialect.forName("sqlite"));
    static final Dialect POSTGRESQL = Dialect.of(EngineDialect.forName("postgresql"));

    final MetaData metadata = new MetaData();
    final Table users = Table.of(
            "users",
            metadata,
            Column.of("id", INTEGER).primaryKey(),
            Column.of("name", VARCHAR),
            Column.of("email", VARCHAR),
            Column.of("age", INTEGER));
    final Table addresses = Table.of(
            "addresses",
            metadata,
            Column.of("id", INTEGER).primaryKey(),
            Column.of("user_id", INTEGER).references("users.id"),
            Column.of("email_address", VARCHAR).notNull());
    final Table nodes =
            Table.of("nodes", metadata, Column.of("id", INTEGER).primaryKey(), Column.of("parent_id", INTEGER));

    static CompiledStatement sqlite(ClauseElement statement) {
        return SqlCompiler.compile(statement, SQLITE);
    }

    static CompiledStatement postgresql(ClauseElement statement) {
        return SqlCompiler.compile(statement, POSTGRESQL);
    }

    /** @return the bound parameters as key to value, in order */
    static Map<String, @Nullable Object> params(CompiledStatement compiled) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        for (BoundParameter p : compiled.parameters()) {
            map.put(p.key(), p.value());
        }
        return map;
    }
}
