package dev.alchemy.bench.jooq;

import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import com.zaxxer.hikari.HikariDataSource;
import dev.alchemy.bench.BenchDatabase;
import dev.alchemy.bench.Contender;
import dev.alchemy.bench.UserRecord;
import java.util.ArrayList;
import java.util.List;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep2;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Record5;
import org.jooq.Result;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * jOOQ as a skilled user writes it without code generation: one {@link DSLContext} on the pool with the database's
 * dialect, typed fields declared once, each unit of work in {@code transactionResult}, rows mapped with
 * {@code Records.mapping} into the same plain objects the JDBC contender fills, multi-row INSERT ... RETURNING for
 * generated keys, {@code batch(...).bind(...)} (one JDBC batch) for UPDATE and DELETE, one LEFT JOIN for users with
 * their addresses.
 */
public final class JooqContender implements Contender {

    private static final int INSERT_ROWS = 500;

    static final Table<Record> USERS = table(name("users"));
    static final Field<Integer> ID = field(name("users", "id"), SQLDataType.INTEGER);
    static final Field<String> NAME = field(name("users", "name"), SQLDataType.VARCHAR(50));
    static final Field<String> EMAIL = field(name("users", "email"), SQLDataType.VARCHAR(100));
    static final Table<Record> ADDRESSES = table(name("addresses"));
    static final Field<Integer> ADDRESS_ID = field(name("addresses", "id"), SQLDataType.INTEGER);
    static final Field<Integer> USER_ID = field(name("addresses", "user_id"), SQLDataType.INTEGER);
    static final Field<String> ADDRESS_EMAIL = field(name("addresses", "email"), SQLDataType.VARCHAR(100));

    private final HikariDataSource pool;
    private final DSLContext dsl;
    private final boolean sqlite;

    /** @param db the database */
    public JooqContender(BenchDatabase db) {
        // the banner and the tip of the day, printed once per class loading
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        this.pool = db.newPool();
        this.sqlite = db.kind().equals("sqlite");
        SQLDialect dialect = sqlite ? SQLDialect.SQLITE : SQLDialect.POSTGRES;
        // execute logging is on by default and costs a listener per statement even when nothing logs
        this.dsl = DSL.using(pool, dialect, new Settings().withExecuteLogging(false));
    }

    @Override
    public long insertUsers(int n, String prefix) {
        List<UserRecord> users = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            users.add(new UserRecord(null, prefix + i, prefix + i + "@example.com"));
        }
        dsl.transaction(tx -> {
            DSLContext ctx = tx.dsl();
            for (int from = 0; from < n; from += INSERT_ROWS) {
                int to = Math.min(n, from + INSERT_ROWS);
                InsertValuesStep2<Record, String, String> insert = ctx.insertInto(USERS, NAME, EMAIL);
                for (int i = from; i < to; i++) {
                    UserRecord u = users.get(i);
                    insert = insert.values(u.name, u.email);
                }
                // jOOQ 3.19's SQLite dialect fetches keys through the driver, which hands back only the last one
                // of a multi-row INSERT; there the RETURNING clause is appended with a plain SQL template
                Result<Record1<Integer>> ids = sqlite
                        ? ctx.resultQuery("{0} returning {1}", insert, ID.getUnqualifiedName())
                                .coerce(ID)
                                .fetch()
                        : insert.returningResult(ID).fetch();
                if (ids.size() != to - from) {
                    throw new IllegalStateException(ids.size() + " keys for " + (to - from) + " rows");
                }
                // both databases return the keys of a multi-row INSERT in the order of its rows
                for (int i = from; i < to; i++) {
                    users.get(i).id = ids.get(i - from).value1();
                }
            }
        });
        long sum = 0;
        for (UserRecord u : users) {
            sum += u.id;
        }
        return sum;
    }

    @Override
    public int loadAllUsers() {
        return dsl.transactionResult(
                        tx -> tx.dsl().select(ID, NAME, EMAIL).from(USERS).fetch(mapping(UserRecord::new)))
                .size();
    }

    @Override
    public long lookups(int[] ids) {
        long sum = 0;
        for (int id : ids) {
            UserRecord user = dsl.transactionResult(tx -> tx.dsl()
                    .select(ID, NAME, EMAIL)
                    .from(USERS)
                    .where(ID.eq(id))
                    .fetchOne(mapping(UserRecord::new)));
            if (user != null) {
                sum += user.id;
            }
        }
        return sum;
    }

    @Override
    public int updateEmails(int n, String tag) {
        return dsl.transactionResult(tx -> {
            DSLContext ctx = tx.dsl();
            List<UserRecord> users =
                    ctx.select(ID, NAME, EMAIL).from(USERS).orderBy(ID).limit(n).fetch(mapping(UserRecord::new));
            for (UserRecord u : users) {
                u.email = tag + "-" + u.id + "@example.com";
            }
            BatchBindStep batch =
                    ctx.batch(ctx.update(USERS).set(EMAIL, (String) null).where(ID.eq((Integer) null)));
            for (UserRecord u : users) {
                batch = batch.bind(u.email, u.id);
            }
            batch.execute();
            return users.size();
        });
    }

    @Override
    public long queriesByName(String[] names) {
        return dsl.transactionResult(tx -> {
            DSLContext ctx = tx.dsl();
            long sum = 0;
            for (String name : names) {
                UserRecord u = ctx.select(ID, NAME, EMAIL)
                        .from(USERS)
                        .where(NAME.eq(name))
                        .fetchSingle(mapping(UserRecord::new));
                sum += u.id;
            }
            return sum;
        });
    }

    @Override
    public int loadUsersWithAddresses() {
        List<UserRecord> users = dsl.transactionResult(tx -> {
            Result<Record5<Integer, String, String, Integer, String>> rows = tx.dsl()
                    .select(ID, NAME, EMAIL, ADDRESS_ID, ADDRESS_EMAIL)
                    .from(USERS)
                    .leftJoin(ADDRESSES)
                    .on(USER_ID.eq(ID))
                    .orderBy(ID, ADDRESS_ID)
                    .fetch();
            List<UserRecord> list = new ArrayList<>();
            UserRecord current = null;
            for (Record5<Integer, String, String, Integer, String> r : rows) {
                int id = r.value1();
                if (current == null || current.id != id) {
                    current = new UserRecord(id, r.value2(), r.value3());
                    list.add(current);
                }
                Integer addressId = r.value4();
                if (addressId != null) {
                    current.addresses.add(new UserRecord.AddressRecord(addressId, id, r.value5()));
                }
            }
            return list;
        });
        int addresses = 0;
        for (UserRecord u : users) {
            addresses += u.addresses.size();
        }
        return addresses;
    }

    @Override
    public int loadAndDeleteUsers() {
        return dsl.transactionResult(tx -> {
            DSLContext ctx = tx.dsl();
            List<UserRecord> users = ctx.select(ID, NAME, EMAIL).from(USERS).fetch(mapping(UserRecord::new));
            BatchBindStep batch = ctx.batch(ctx.deleteFrom(USERS).where(ID.eq((Integer) null)));
            for (UserRecord u : users) {
                batch = batch.bind(u.id);
            }
            int deleted = 0;
            for (int count : batch.execute()) {
                deleted += count;
            }
            return deleted;
        });
    }

    @Override
    public void close() {
        pool.close();
    }
}
