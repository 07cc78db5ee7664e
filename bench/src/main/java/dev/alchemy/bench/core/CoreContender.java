package dev.alchemy.bench.core;

import static dev.alchemy.Alchemy.bindparam;
import static dev.alchemy.Alchemy.createEngine;
import static dev.alchemy.Alchemy.delete;
import static dev.alchemy.Alchemy.insert;
import static dev.alchemy.Alchemy.select;
import static dev.alchemy.Alchemy.update;

import dev.alchemy.bench.BenchDatabase;
import dev.alchemy.bench.Contender;
import dev.alchemy.bench.UserRecord;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.Row;
import dev.alchemy.schema.Column;
import dev.alchemy.schema.MetaData;
import dev.alchemy.schema.Table;
import dev.alchemy.sql.Delete;
import dev.alchemy.sql.Select;
import dev.alchemy.sql.Update;
import dev.alchemy.types.SqlTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Alchemy's Core as its documentation shows it: Table objects, statements built once with bind parameters and
 * executed with values, executemany for UPDATE and DELETE, multi-row INSERT ... RETURNING for generated keys, rows
 * copied into the same plain objects the JDBC contender fills.
 */
public final class CoreContender implements Contender {

    private static final int INSERT_ROWS = 500;
    private static final int IN_CHUNK = 500;

    private final Engine engine;
    private final Table users;
    private final Table addresses;
    private final Select byId;
    private final Select byName;
    private final Update setEmail;
    private final Delete deleteById;

    /** @param db the database */
    public CoreContender(BenchDatabase db) {
        this.engine = createEngine(db.alchemyUrl());
        MetaData metadata = new MetaData();
        users = Table.of(
                "users",
                metadata,
                Column.of("id", SqlTypes.INTEGER).primaryKey(),
                Column.of("name", SqlTypes.string(50)),
                Column.of("email", SqlTypes.string(100)));
        addresses = Table.of(
                "addresses",
                metadata,
                Column.of("id", SqlTypes.INTEGER).primaryKey(),
                Column.of("user_id", SqlTypes.INTEGER),
                Column.of("email", SqlTypes.string(100)));
        byId = select(users).where(users.c("id").eq(bindparam("id")));
        byName = select(users).where(users.c("name").eq(bindparam("name")));
        setEmail = update(users)
                .where(users.c("id").eq(bindparam("user_id")))
                .values(Map.of("email", bindparam("new_email")));
        deleteById = delete(users).where(users.c("id").eq(bindparam("user_id")));
    }

    private static UserRecord user(Row row) {
        return new UserRecord((Integer) row.get(0), (String) row.get(1), (String) row.get(2));
    }

    @Override
    public long insertUsers(int n, String prefix) {
        List<UserRecord> records = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            records.add(new UserRecord(null, prefix + i, prefix + i + "@example.com"));
        }
        try (Connection conn = engine.connect()) {
            for (int from = 0; from < n; from += INSERT_ROWS) {
                int rows = Math.min(INSERT_ROWS, n - from);
                List<Map<String, Object>> values = new ArrayList<>(rows);
                for (int i = from; i < from + rows; i++) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("name", records.get(i).name);
                    row.put("email", records.get(i).email);
                    values.add(row);
                }
                List<Row> keys = conn.execute(insert(users).values(values).returning(users.c("id")))
                        .all();
                int[] ids = new int[rows];
                for (int k = 0; k < rows; k++) {
                    ids[k] = ((Number) keys.get(k).get(0)).intValue();
                }
                Arrays.sort(ids);
                if (ids[rows - 1] - ids[0] != rows - 1) {
                    throw new IllegalStateException("generated keys are not consecutive");
                }
                for (int i = 0; i < rows; i++) {
                    records.get(from + i).id = ids[i];
                }
            }
            conn.commit();
        }
        long sum = 0;
        for (UserRecord u : records) {
            sum += u.id;
        }
        return sum;
    }

    @Override
    public int loadAllUsers() {
        try (Connection conn = engine.connect()) {
            List<UserRecord> records = new ArrayList<>();
            for (Row row : conn.execute(select(users))) {
                records.add(user(row));
            }
            return records.size();
        }
    }

    @Override
    public long lookups(int[] ids) {
        long sum = 0;
        for (int id : ids) {
            try (Connection conn = engine.connect()) {
                Row row = conn.execute(byId, Map.of("id", id)).first();
                if (row != null) {
                    sum += user(row).id;
                }
            }
        }
        return sum;
    }

    @Override
    public int updateEmails(int n, String tag) {
        try (Connection conn = engine.connect()) {
            List<UserRecord> records = new ArrayList<>(n);
            for (Row row : conn.execute(select(users).orderBy(users.c("id")).limit(n))) {
                records.add(user(row));
            }
            List<Map<String, Object>> changes = new ArrayList<>(records.size());
            for (UserRecord u : records) {
                u.email = tag + "-" + u.id + "@example.com";
                changes.add(Map.of("user_id", u.id, "new_email", u.email));
            }
            conn.execute(setEmail, changes);
            conn.commit();
            return records.size();
        }
    }

    @Override
    public long queriesByName(String[] names) {
        long sum = 0;
        try (Connection conn = engine.connect()) {
            for (String name : names) {
                Row row = conn.execute(byName, Map.of("name", name)).first();
                if (row != null) {
                    sum += user(row).id;
                }
            }
        }
        return sum;
    }

    @Override
    public int loadUsersWithAddresses() {
        try (Connection conn = engine.connect()) {
            Map<Integer, UserRecord> byKey = new LinkedHashMap<>();
            for (Row row : conn.execute(select(users).orderBy(users.c("id")))) {
                UserRecord u = user(row);
                byKey.put(u.id, u);
            }
            List<Integer> keys = new ArrayList<>(byKey.keySet());
            for (int from = 0; from < keys.size(); from += IN_CHUNK) {
                List<Integer> chunk = keys.subList(from, Math.min(keys.size(), from + IN_CHUNK));
                for (Row row : conn.execute(select(addresses)
                        .where(addresses.c("user_id").in(chunk))
                        .orderBy(addresses.c("id")))) {
                    int userId = (Integer) row.get(1);
                    byKey.get(userId).addresses.add(new UserRecord.AddressRecord((Integer) row.get(0), userId, (String)
                            row.get(2)));
                }
            }
            int count = 0;
            for (UserRecord u : byKey.values()) {
                count += u.addresses.size();
            }
            return count;
        }
    }

    @Override
    public int loadAndDeleteUsers() {
        try (Connection conn = engine.connect()) {
            Map<Integer, UserRecord> records = new HashMap<>();
            for (Row row : conn.execute(select(users))) {
                UserRecord u = user(row);
                records.put(u.id, u);
            }
            List<Map<String, Object>> keys = new ArrayList<>(records.size());
            for (Integer id : records.keySet()) {
                keys.add(Map.of("user_id", id));
            }
            long deleted = conn.execute(deleteById, keys).rowcount();
            conn.commit();
            return (int) deleted;
        }
    }

    @Override
    public void close() {
        engine.dispose();
    }
}
