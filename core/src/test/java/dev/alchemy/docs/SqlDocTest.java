package dev.alchemy.docs;

import static dev.alchemy.Alchemy.and;
import static dev.alchemy.Alchemy.case_;
import static dev.alchemy.Alchemy.cast;
import static dev.alchemy.Alchemy.createEngine;
import static dev.alchemy.Alchemy.delete;
import static dev.alchemy.Alchemy.except;
import static dev.alchemy.Alchemy.exists;
import static dev.alchemy.Alchemy.func;
import static dev.alchemy.Alchemy.insert;
import static dev.alchemy.Alchemy.literal;
import static dev.alchemy.Alchemy.literalColumn;
import static dev.alchemy.Alchemy.not;
import static dev.alchemy.Alchemy.or;
import static dev.alchemy.Alchemy.select;
import static dev.alchemy.Alchemy.text;
import static dev.alchemy.Alchemy.union;
import static dev.alchemy.Alchemy.unionAll;
import static dev.alchemy.Alchemy.update;
import static dev.alchemy.Alchemy.when;
import static dev.alchemy.types.SqlTypes.INTEGER;
import static dev.alchemy.types.SqlTypes.VARCHAR;
import static dev.alchemy.types.SqlTypes.numeric;
import static dev.alchemy.types.SqlTypes.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.engine.CompiledStatement;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.EngineDialect;
import dev.alchemy.engine.Result;
import dev.alchemy.engine.Row;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.CompileError;
import dev.alchemy.schema.Column;
import dev.alchemy.schema.MetaData;
import dev.alchemy.schema.Table;
import dev.alchemy.sql.ColumnElement;
import dev.alchemy.sql.CompoundSelect;
import dev.alchemy.sql.Cte;
import dev.alchemy.sql.Delete;
import dev.alchemy.sql.Insert;
import dev.alchemy.sql.Select;
import dev.alchemy.sql.Subquery;
import dev.alchemy.sql.TableClause;
import dev.alchemy.sql.Update;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Java snippets of {@code docs/sql.md}, each between {@code tag::name[]} and {@code end::name[]}; {@link
 * DocSnippetsTest} checks the page shows them as here. Each test runs its section's snippets in order on a fresh
 * SQLite database and checks what the page says they print or return.
 */
class SqlDocTest {

    Engine engine;
    MetaData metadata;
    Table users;
    Table addresses;
    final List<String> executed = new ArrayList<>();

    @BeforeEach
    void createTables() {
        engine = createEngine("sqlite:///:memory:");
        engine.addStatementListener(e -> executed.add(e.sql()));
        // tag::tables[]
        MetaData metadata = new MetaData();
        Table users = Table.of(
                "users",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("name", string(30)),
                Column.of("fullname", VARCHAR));
        Table addresses = Table.of(
                "addresses",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("user_id", INTEGER).notNull().references("users.id"),
                Column.of("email_address", VARCHAR).notNull());
        metadata.createAll(engine);
        // end::tables[]
        this.metadata = metadata;
        this.users = users;
        this.addresses = addresses;
    }

    @AfterEach
    void dispose() {
        engine.dispose();
    }

    void fill() {
        Table users = this.users;
        Table addresses = this.addresses;
        // tag::fill[]
        try (Connection conn = engine.connect()) {
            conn.execute(insert(users)
                    .values(List.of(
                            Map.of("name", "spongebob", "fullname", "Spongebob Squarepants"),
                            Map.of("name", "sandy", "fullname", "Sandy Cheeks"),
                            Map.of("name", "patrick", "fullname", "Patrick Star"))));
            conn.execute(insert(addresses)
                    .values(List.of(
                            Map.of("user_id", 1, "email_address", "spongebob@sqlalchemy.org"),
                            Map.of("user_id", 2, "email_address", "sandy@sqlalchemy.org"),
                            Map.of("user_id", 2, "email_address", "sandy@squirrelpower.org"))));
            conn.commit();
        }
        // end::fill[]
    }

    List<String> names(Select stmt) {
        try (Connection conn = engine.connect()) {
            return conn.execute(stmt).scalars(String.class);
        }
    }

    // ---- inserting rows ----

    @Test
    void insertingRows() {
        Table users = this.users;
        // tag::insert[]
        Insert stmt = insert(users).values(Map.of("name", "spongebob", "fullname", "Spongebob Squarepants"));
        System.out.println(stmt); // INSERT INTO users (name, fullname) VALUES (?, ?)
        // end::insert[]
        assertThat(stmt.toString()).isEqualTo("INSERT INTO users (name, fullname) VALUES (?, ?)");
        // tag::insert-compiled[]
        CompiledStatement compiled = stmt.compile(engine.dialect());
        compiled.sql(); // INSERT INTO users (name, fullname) VALUES (?, ?)
        compiled.parameters(); // name='spongebob', fullname='Spongebob Squarepants', in that order
        // end::insert-compiled[]
        assertThat(compiled.parameters()).extracting(p -> p.key()).containsExactly("name", "fullname");
        // tag::insert-execute[]
        try (Connection conn = engine.connect()) {
            Result result = conn.execute(stmt);
            conn.commit();
            result.rowcount(); // 1
        }
        // end::insert-execute[]
        // tag::insert-returning[]
        try (Connection conn = engine.connect()) {
            Row row = conn.execute(insert(users)
                            .values(Map.of("name", "sandy", "fullname", "Sandy Cheeks"))
                            .returning(users.c("id"), users.c("name")))
                    .one();
            Integer id = row.get("id", Integer.class); // 2
            conn.commit();
        }
        // end::insert-returning[]
        // tag::insert-many[]
        try (Connection conn = engine.connect()) {
            conn.execute(
                    insert(users).parameters("name", "fullname"),
                    List.of(
                            Map.of("name", "patrick", "fullname", "Patrick Star"),
                            Map.of("name", "squidward", "fullname", "Squidward Tentacles")));
            conn.commit();
        }
        // end::insert-many[]
        assertThat(names(select(users.c("name")).orderBy(users.c("id"))))
                .containsExactly("spongebob", "sandy", "patrick", "squidward");
    }

    @Test
    void insertFromSelect() {
        fill();
        Table users = this.users;
        Table addresses = this.addresses;
        // tag::insert-from-select[]
        Insert copy = insert(addresses)
                .fromSelect(
                        List.of("user_id", "email_address"),
                        select(users.c("id"), users.c("name").concat("@aol.com")));
        // INSERT INTO addresses (user_id, email_address) SELECT users.id, users.name || ? AS anon_1
        // FROM users
        // end::insert-from-select[]
        assertThat(copy.toString())
                .isEqualTo("INSERT INTO addresses (user_id, email_address) SELECT users.id, users.name || ? AS anon_1 "
                        + "\nFROM users");
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(copy).rowcount()).isEqualTo(3);
        }
    }

    // ---- selecting rows ----

    @Test
    void selectingRows() {
        fill();
        Table users = this.users;
        // tag::select[]
        Select stmt = select(users).where(users.c("name").eq("spongebob"));
        System.out.println(stmt);
        // SELECT users.id, users.name, users.fullname
        // FROM users
        // WHERE users.name = ?
        // end::select[]
        assertThat(stmt.toString())
                .isEqualTo("SELECT users.id, users.name, users.fullname \nFROM users \nWHERE users.name = ?");
        // tag::select-execute[]
        try (Connection conn = engine.connect()) {
            for (Row row : conn.execute(stmt)) {
                System.out.println(row.get("id") + " " + row.get("fullname")); // 1 Spongebob Squarepants
            }
        }
        // end::select-execute[]
        // tag::select-columns[]
        try (Connection conn = engine.connect()) {
            List<String> names = conn.execute(select(users.c("name")).orderBy(users.c("name")))
                    .scalars(String.class); // [patrick, sandy, spongebob]
            Row row = conn.execute(select(users.c("name"), users.c("fullname").label("full")))
                    .first();
            row.keys(); // [name, full]
        }
        // end::select-columns[]
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(select(users.c("name"), users.c("fullname").label("full")))
                            .keys())
                    .containsExactly("name", "full");
        }
    }

    @Test
    void whereClauses() {
        fill();
        Table users = this.users;
        Table addresses = this.addresses;
        // tag::where[]
        select(users.c("name")).where(users.c("name").eq("squidward")); // users.name = ?
        select(users.c("name")).where(users.c("id").gt(1), users.c("id").le(3)); // users.id > ? AND users.id <= ?
        select(users.c("name")).where(users.c("fullname").isNull()); // users.fullname IS NULL
        select(users.c("name")).where(users.c("id").in(List.of(1, 3))); // users.id IN (?, ?)
        select(users.c("name")).where(users.c("id").between(1, 2)); // users.id BETWEEN ? AND ?
        // end::where[]
        assertThat(names(select(users.c("name"))
                        .where(users.c("id").gt(1), users.c("id").le(3))))
                .containsExactly("sandy", "patrick");
        // tag::where-like[]
        users.c("name").like("s%"); // users.name LIKE ?
        users.c("name").ilike("S%"); // lower(users.name) LIKE lower(?); PostgreSQL: users.name ILIKE ?
        users.c("name").startsWith("sp"); // (users.name LIKE ? || '%')
        users.c("name").contains("and"); // (users.name LIKE '%' || ? || '%')
        users.c("name").contains("50%", true); // (users.name LIKE '%' || ? || '%' ESCAPE '/'), '%' matched as itself
        // end::where-like[]
        assertThat(names(select(users.c("name")).where(users.c("name").contains("and"))))
                .containsExactly("sandy");
        // tag::where-logic[]
        Select stmt = select(addresses.c("email_address"))
                .where(and(
                        addresses.c("user_id").eq(2),
                        or(
                                addresses.c("email_address").endsWith(".org"),
                                not(addresses.c("email_address").startsWith("sandy")))));
        // WHERE addresses.user_id = ? AND ((addresses.email_address LIKE '%' || ?)
        //     OR (addresses.email_address NOT LIKE ? || '%'))
        // end::where-logic[]
        assertThat(stmt.toString())
                .endsWith("WHERE addresses.user_id = ? AND ((addresses.email_address LIKE '%' || ?) OR "
                        + "(addresses.email_address NOT LIKE ? || '%'))");
        assertThat(names(stmt)).containsExactly("sandy@sqlalchemy.org", "sandy@squirrelpower.org");
        // tag::operators[]
        select(users.c("id").plus(10), users.c("name").plus(" ").plus(users.c("fullname")));
        // SELECT users.id + ? AS anon_1, users.name || ? || users.fullname AS anon_2 FROM users
        // end::operators[]
        assertThat(select(users.c("id").plus(10), users.c("name").plus(" ").plus(users.c("fullname")))
                        .toString())
                .isEqualTo("SELECT users.id + ? AS anon_1, users.name || ? || users.fullname AS anon_2 \nFROM users");
    }

    @Test
    void arithmeticTypes() {
        MetaData metadata = this.metadata;
        // tag::arithmetic-types[]
        Table t = Table.of("t", metadata, Column.of("n", INTEGER), Column.of("price", numeric(10, 2)));
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(t).values(Map.of("n", 5, "price", new BigDecimal("1.29"))));
            conn.commit();
            Row row = conn.execute(select(
                            t.c("n").minus(0.5), // FLOAT: 4.5 (not 4)
                            t.c("n").times(1.5), // FLOAT: 7.5
                            t.c("n").div(2.0), // FLOAT: 2.5
                            t.c("n").div(2), // INTEGER: 2 (an integer division, see below)
                            t.c("n").plus(t.c("price")), // NUMERIC(10, 2): 6.29
                            t.c("price").div(2))) // NUMERIC(10, 2): 0.65 on SQLite, 0.645 on PostgreSQL
                    .one();
            Column<Integer> n = t.c("n", Integer.class);
            conn.execute(select(n.minus(literal(0.5)))).scalar(); // 4.5: another type's value as an expression
        }
        // end::arithmetic-types[]
        try (Connection conn = engine.connect()) {
            Row row = conn.execute(select(
                            t.c("n").minus(0.5),
                            t.c("n").times(1.5),
                            t.c("n").div(2.0),
                            t.c("n").div(2),
                            t.c("n").plus(t.c("price")),
                            t.c("price").div(2)))
                    .one();
            assertThat(row.asMap().values())
                    .containsExactly(4.5, 7.5, 2.5, 2, new BigDecimal("6.29"), new BigDecimal("0.65"));
            assertThat(conn.execute(select(t.c("n", Integer.class).minus(literal(0.5))))
                            .scalar())
                    .isEqualTo(4.5);
        }
    }

    @Test
    void joins() {
        fill();
        Table users = this.users;
        Table addresses = this.addresses;
        // tag::join[]
        Select stmt = select(users.c("name"), addresses.c("email_address")).join(addresses);
        // SELECT users.name, addresses.email_address
        // FROM users JOIN addresses ON users.id = addresses.user_id
        // end::join[]
        assertThat(stmt.toString())
                .isEqualTo("SELECT users.name, addresses.email_address \nFROM users JOIN addresses ON users.id = "
                        + "addresses.user_id");
        // tag::join-forms[]
        select(users.c("name"), addresses.c("email_address")).joinFrom(users, addresses);
        select(users.c("name")).selectFrom(users.join(addresses));
        select(users.c("name"), addresses.c("email_address"))
                .join(addresses, users.c("id").eq(addresses.c("user_id"))); // ON given explicitly
        select(users.c("name"), addresses.c("email_address")).outerJoin(addresses); // LEFT OUTER JOIN
        select(users.c("name"), addresses.c("email_address")).fullOuterJoin(addresses); // FULL OUTER JOIN
        // end::join-forms[]
        assertThat(names(select(users.c("name"))
                        .outerJoin(addresses)
                        .where(addresses.c("id").isNull())))
                .containsExactly("patrick");
        // tag::alias[]
        TableClause a1 = addresses.alias("a1");
        TableClause a2 = addresses.alias("a2");
        Select both = select(users.c("name"))
                .join(a1)
                .join(a2)
                .where(a1.c("email_address").eq("sandy@sqlalchemy.org"))
                .where(a2.c("email_address").eq("sandy@squirrelpower.org"));
        // FROM users JOIN addresses AS a1 ON users.id = a1.user_id JOIN addresses AS a2 ON users.id = a2.user_id
        // end::alias[]
        assertThat(both.toString())
                .contains("FROM users JOIN addresses AS a1 ON users.id = a1.user_id JOIN addresses AS a2 ON "
                        + "users.id = a2.user_id");
        assertThat(names(both)).containsExactly("sandy");
        Table nodes = Table.of(
                "nodes",
                metadata,
                Column.of("id", INTEGER).primaryKey(),
                Column.of("a_id", INTEGER).references("users.id"),
                Column.of("b_id", INTEGER).references("users.id"));
        assertThatThrownBy(() -> select(users.c("name")).selectFrom(users.join(nodes)))
                .isInstanceOf(ArgumentError.class)
                .hasMessageContaining("can't determine the join between 'users' and 'nodes'");
    }

    @Test
    void orderingGroupingAndFunctions() {
        fill();
        Table users = this.users;
        Table addresses = this.addresses;
        // tag::order-limit[]
        select(users.c("name")).orderBy(users.c("name").desc()).limit(2).offset(1);
        // SELECT users.name FROM users ORDER BY users.name DESC LIMIT ? OFFSET ?
        select(users.c("fullname")).orderBy(users.c("fullname").asc().nullsLast());
        select(addresses.c("user_id")).distinct();
        // end::order-limit[]
        assertThat(names(select(users.c("name"))
                        .orderBy(users.c("name").desc())
                        .limit(2)
                        .offset(1)))
                .containsExactly("sandy", "patrick");
        // tag::functions[]
        try (Connection conn = engine.connect()) {
            Long count = conn.execute(select(func.count()).selectFrom(users)).scalar(Long.class); // 3
            Row row = conn.execute(select(
                            func.max(users.c("id")),
                            func.lower(users.c("fullname")).label("lower")))
                    .first();
            row.keys(); // [max_1, lower]: unlabelled calls are named like SQLAlchemy's, count_1, max_1, ...
            conn.execute(select(func.of("upper", users.c("name")))); // any function by name
        }
        // end::functions[]
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(select(func.count()).selectFrom(users)).scalar())
                    .isEqualTo(3L);
            assertThat(conn.execute(select(
                                    func.max(users.c("id")),
                                    func.lower(users.c("fullname")).label("lower")))
                            .keys())
                    .containsExactly("max_1", "lower");
        }
        // tag::group-by[]
        Select stmt = select(users.c("name"), func.count(addresses.c("id")).label("count"))
                .join(addresses)
                .groupBy(users.c("name"))
                .having(func.count(addresses.c("id")).gt(1L));
        // SELECT users.name, count(addresses.id) AS count
        // FROM users JOIN addresses ON users.id = addresses.user_id GROUP BY users.name
        // HAVING count(addresses.id) > ?
        // end::group-by[]
        assertThat(stmt.toString())
                .isEqualTo("SELECT users.name, count(addresses.id) AS count \nFROM users JOIN addresses ON users.id "
                        + "= addresses.user_id GROUP BY users.name \nHAVING count(addresses.id) > ?");
        assertThat(names(stmt)).containsExactly("sandy");
    }

    @Test
    void windowFunctions() {
        fill();
        Table addresses = this.addresses;
        // tag::window[]
        Select stmt = select(
                addresses.c("email_address"),
                func.rowNumber()
                        .over()
                        .partitionBy(addresses.c("user_id"))
                        .orderBy(addresses.c("email_address"))
                        .label("n"));
        // SELECT addresses.email_address,
        //     row_number() OVER (PARTITION BY addresses.user_id ORDER BY addresses.email_address) AS n
        // FROM addresses
        // end::window[]
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(stmt.orderBy(addresses.c("id"))).all())
                    .extracting(r -> r.get("n"))
                    .containsExactly(1L, 1L, 2L);
        }
    }

    @Test
    void subqueriesAndCtes() {
        fill();
        Table users = this.users;
        Table addresses = this.addresses;
        // tag::subquery[]
        Subquery counts = select(addresses.c("user_id"), func.count().label("n"))
                .groupBy(addresses.c("user_id"))
                .subquery("counts");
        Select stmt = select(users.c("name"), counts.c("n"))
                .join(counts, users.c("id").eq(counts.c("user_id")));
        // SELECT users.name, counts.n
        // FROM users JOIN (SELECT addresses.user_id AS user_id, count(*) AS n
        // FROM addresses GROUP BY addresses.user_id) AS counts ON users.id = counts.user_id
        // end::subquery[]
        assertThat(stmt.toString())
                .isEqualTo("SELECT users.name, counts.n \nFROM users JOIN (SELECT addresses.user_id AS user_id, "
                        + "count(*) AS n \nFROM addresses GROUP BY addresses.user_id) AS counts ON users.id = "
                        + "counts.user_id");
        // tag::scalar-subquery[]
        ColumnElement<Long> addressCount = select(func.count(addresses.c("id")))
                .where(addresses.c("user_id").eq(users.c("id")))
                .scalarSubquery();
        select(users.c("name"), addressCount.label("addresses"));
        // SELECT users.name, (SELECT count(addresses.id) AS count_1
        // FROM addresses
        // WHERE addresses.user_id = users.id) AS addresses
        // FROM users
        // end::scalar-subquery[]
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(select(users.c("name"), addressCount.label("addresses"))
                                    .orderBy(users.c("id")))
                            .all())
                    .extracting(r -> r.get("addresses"))
                    .containsExactly(1L, 2L, 0L);
        }
        // tag::exists[]
        select(users.c("name")).where(exists().where(addresses.c("user_id").eq(users.c("id"))));
        // WHERE EXISTS (SELECT * FROM addresses WHERE addresses.user_id = users.id)
        select(users.c("name")).where(not(exists().where(addresses.c("user_id").eq(users.c("id")))));
        select(users.c("name")).where(users.c("id").in(select(addresses.c("user_id"))));
        // end::exists[]
        assertThat(names(select(users.c("name"))
                        .where(not(exists().where(addresses.c("user_id").eq(users.c("id")))))))
                .containsExactly("patrick");
        // tag::cte[]
        Cte sandyAddresses = select(addresses.c("user_id"), addresses.c("email_address"))
                .where(addresses.c("email_address").startsWith("sandy"))
                .cte("sandy_addresses");
        select(sandyAddresses.c("email_address")).orderBy(sandyAddresses.c("email_address"));
        // WITH sandy_addresses AS
        // (SELECT addresses.user_id AS user_id, addresses.email_address AS email_address
        // FROM addresses
        // WHERE (addresses.email_address LIKE ? || '%'))
        //  SELECT sandy_addresses.email_address
        // FROM sandy_addresses ORDER BY sandy_addresses.email_address
        // end::cte[]
        assertThat(names(select(sandyAddresses.c("email_address")).orderBy(sandyAddresses.c("email_address"))))
                .containsExactly("sandy@sqlalchemy.org", "sandy@squirrelpower.org");
        // tag::recursive-cte[]
        Select one = select(literal(1).label("n"));
        Cte numbers = one.recursiveCte("numbers");
        numbers = numbers.unionAll(
                select(numbers.c("n").plus(1)).where(numbers.c("n").lt(5)));
        try (Connection conn = engine.connect()) {
            conn.execute(select(numbers.c("n"))).scalars(); // [1, 2, 3, 4, 5]
        }
        // WITH RECURSIVE numbers(n) AS
        // (SELECT ? AS n UNION ALL SELECT numbers.n + ? AS anon_1
        // FROM numbers
        // WHERE numbers.n < ?)
        //  SELECT numbers.n
        // FROM numbers
        // end::recursive-cte[]
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(select(numbers.c("n"))).scalars()).containsExactly(1, 2, 3, 4, 5);
        }
    }

    @Test
    void setOperations() {
        fill();
        Table users = this.users;
        Table addresses = this.addresses;
        // tag::union[]
        CompoundSelect stmt = union(
                        select(users.c("id")).where(users.c("name").eq("sandy")),
                        select(addresses.c("user_id"))
                                .where(addresses.c("email_address").contains("bob")))
                .orderBy(users.c("id"));
        // SELECT users.id FROM users WHERE users.name = ?
        // UNION SELECT addresses.user_id FROM addresses WHERE (addresses.email_address LIKE '%' || ? || '%')
        // ORDER BY id
        unionAll(select(users.c("id")), select(addresses.c("user_id"))); // UNION ALL
        except(select(users.c("id")), select(addresses.c("user_id"))); // EXCEPT; also intersect(...)
        // end::union[]
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(stmt).scalars()).containsExactly(1, 2);
            assertThat(conn.execute(except(select(users.c("id")), select(addresses.c("user_id"))))
                            .scalars())
                    .containsExactly(3);
        }
    }

    @Test
    void caseCastAndLiterals() {
        fill();
        Table users = this.users;
        // tag::case[]
        select(
                users.c("name"),
                case_(when(users.c("id").eq(1), "first"), when(users.c("id").eq(2), "second"))
                        .else_("other"));
        // CASE WHEN (users.id = ?) THEN ? WHEN (users.id = ?) THEN ? ELSE ? END AS anon_1
        select(case_(users.c("name")).when("sandy", "squirrel").else_("sponge").label("kind"));
        // CASE users.name WHEN ? THEN ? ELSE ? END AS kind
        // end::case[]
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(select(case_(users.c("name"))
                                            .when("sandy", "squirrel")
                                            .else_("sponge")
                                            .label("kind"))
                                    .orderBy(users.c("id")))
                            .scalars())
                    .containsExactly("sponge", "squirrel", "sponge");
        }
        // tag::cast[]
        select(cast(users.c("id"), VARCHAR)); // CAST(users.id AS VARCHAR) AS id, read back as a String
        select(literal("hello"), literalColumn("1")); // SELECT ? AS anon_1, 1
        select(users.c("name")).where(text("length(users.name) > :n").bind("n", 5)); // text inside a statement
        // end::cast[]
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(select(cast(users.c("id"), VARCHAR)).orderBy(users.c("id")))
                            .scalars())
                    .containsExactly("1", "2", "3");
        }
        assertThat(names(select(users.c("name"))
                        .where(text("length(users.name) > :n").bind("n", 5))))
                .containsExactly("spongebob", "patrick");
    }

    // ---- updating and deleting rows ----

    @Test
    void updatingAndDeleting() {
        fill();
        Table users = this.users;
        Table addresses = this.addresses;
        // tag::update[]
        Update stmt = update(users).where(users.c("name").eq("patrick")).values(Map.of("fullname", "Patrick the Star"));
        System.out.println(stmt); // UPDATE users SET fullname=? WHERE users.name = ?
        // end::update[]
        assertThat(stmt.toString()).isEqualTo("UPDATE users SET fullname=? WHERE users.name = ?");
        // tag::update-expression[]
        update(users).values(Map.of("fullname", users.c("name").concat(" ").concat(users.c("fullname"))));
        // UPDATE users SET fullname=(users.name || ? || users.fullname)
        // end::update-expression[]
        assertThat(update(users)
                        .values(Map.of("fullname", users.c("name").concat(" ").concat(users.c("fullname"))))
                        .toString())
                .isEqualTo("UPDATE users SET fullname=(users.name || ? || users.fullname)");
        // tag::update-correlated[]
        Update correlated = update(users)
                .values(Map.of(
                        "fullname",
                        select(addresses.c("email_address"))
                                .where(addresses.c("user_id").eq(users.c("id")))
                                .orderBy(addresses.c("id"))
                                .limit(1)
                                .scalarSubquery()));
        // UPDATE users SET fullname=(SELECT addresses.email_address FROM addresses
        // WHERE addresses.user_id = users.id ORDER BY addresses.id LIMIT ? OFFSET ?)
        Update from = update(users)
                .where(users.c("id").eq(addresses.c("user_id")))
                .where(addresses.c("email_address").eq("sandy@squirrelpower.org"))
                .values(Map.of("fullname", "Sandy Squirrel"));
        // UPDATE users SET fullname=? FROM addresses WHERE users.id = addresses.user_id AND ...
        // end::update-correlated[]
        try (Connection conn = engine.connect()) {
            conn.execute(correlated);
            assertThat(conn.execute(select(users.c("fullname")).orderBy(users.c("id")))
                            .scalars())
                    .containsExactly("spongebob@sqlalchemy.org", "sandy@sqlalchemy.org", null);
            assertThat(conn.execute(from).rowcount()).isEqualTo(1);
        }
        // tag::update-returning[]
        try (Connection conn = engine.connect()) {
            Row row = conn.execute(update(users)
                            .where(users.c("name").eq("sandy"))
                            .values(Map.of("fullname", "Sandy Squirrel"))
                            .returning(users.c("id"), users.c("fullname")))
                    .one();
            conn.commit();
        }
        // end::update-returning[]
        // tag::delete[]
        Delete remove = delete(addresses).where(addresses.c("user_id").eq(1));
        System.out.println(remove); // DELETE FROM addresses WHERE addresses.user_id = ?
        try (Connection conn = engine.connect()) {
            List<Object> deleted = conn.execute(remove.returning(addresses.c("email_address")))
                    .scalars(); // [spongebob@sqlalchemy.org]
            conn.commit();
        }
        // end::delete[]
        assertThat(names(select(addresses.c("email_address")).orderBy(addresses.c("id"))))
                .containsExactly("sandy@sqlalchemy.org", "sandy@squirrelpower.org");
        assertThat(names(select(users.c("fullname")).where(users.c("name").eq("sandy"))))
                .containsExactly("Sandy Squirrel");
    }

    @Test
    void upserts() {
        fill();
        Table users = this.users;
        // tag::upsert[]
        Insert row = insert(users).values(Map.of("id", 1, "name", "spongebob", "fullname", "SpongeBob SquarePants"));
        Insert ignore = row.onConflictDoNothing("id");
        // INSERT INTO users (id, name, fullname) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING
        Insert upsert = row.onConflictDoUpdate(List.of("id"), Map.of("fullname", row.excluded("fullname")));
        // ... ON CONFLICT (id) DO UPDATE SET fullname = excluded.fullname
        try (Connection conn = engine.connect()) {
            conn.execute(ignore); // the row stays as it was
            conn.execute(upsert); // the row's fullname is now "SpongeBob SquarePants"
            conn.commit();
        }
        // end::upsert[]
        assertThat(upsert.toString())
                .isEqualTo("INSERT INTO users (id, name, fullname) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                        + "fullname = excluded.fullname");
        assertThat(names(select(users.c("fullname")).where(users.c("id").eq(1))))
                .containsExactly("SpongeBob SquarePants");
    }

    @Test
    void dialectsAndErrors() {
        Table users = this.users;
        // tag::dialects[]
        Select stmt = select(users.c("name")).where(users.c("name").ilike("s%")).limit(10);
        Dialect sqlite = Dialect.of(EngineDialect.forName("sqlite"));
        Dialect postgresql = Dialect.of(EngineDialect.forName("postgresql"));
        stmt.compile(sqlite).sql();
        // SELECT users.name FROM users WHERE lower(users.name) LIKE lower(?) LIMIT ? OFFSET ?
        stmt.compile(postgresql).sql();
        // SELECT users.name FROM users WHERE users.name ILIKE ? LIMIT ?
        // end::dialects[]
        assertThat(stmt.compile(sqlite).sql())
                .isEqualTo("SELECT users.name \nFROM users \nWHERE lower(users.name) LIKE lower(?)\n LIMIT ? OFFSET ?");
        assertThat(stmt.compile(postgresql).sql())
                .isEqualTo("SELECT users.name \nFROM users \nWHERE users.name ILIKE ? \n LIMIT ?");
        // tag::compile-error[]
        try (Connection conn = engine.connect()) {
            conn.execute(update(users).where(users.c("id").eq(1))); // no values
        } catch (CompileError e) {
            e.getMessage(); // UPDATE users has no values to SET; give them with values(...)
        }
        // end::compile-error[]
        assertThatThrownBy(() -> update(users).where(users.c("id").eq(1)).compile(sqlite))
                .isInstanceOf(CompileError.class)
                .hasMessage("UPDATE users has no values to SET; give them with values(...)");
    }
}
