package dev.alchemy.bench.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.alchemy.bench.BenchDatabase;
import dev.alchemy.bench.Contender;
import dev.alchemy.bench.UserRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Raw JDBC as a skilled engineer writes it, the limit: one pooled connection per unit of work, prepared statements
 * reused within it, multi-row INSERT ... RETURNING for generated keys, JDBC batches for UPDATE and DELETE, one JOIN
 * for users with their addresses.
 */
public final class JdbcContender implements Contender {

    /** Rows per multi-row INSERT. */
    private static final int INSERT_ROWS = 500;

    private final HikariDataSource pool;

    /** @param db the database */
    public JdbcContender(BenchDatabase db) {
        this.pool = db.newPool();
    }

    private static String insertSql(int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO users (name, email) VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "(?, ?)" : ", (?, ?)");
        }
        return sql.append(" RETURNING id").toString();
    }

    @Override
    public long insertUsers(int n, String prefix) {
        List<UserRecord> users = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            users.add(new UserRecord(null, prefix + i, prefix + i + "@example.com"));
        }
        try (Connection c = pool.getConnection()) {
            PreparedStatement full = null;
            try {
                for (int from = 0; from < n; from += INSERT_ROWS) {
                    int rows = Math.min(INSERT_ROWS, n - from);
                    PreparedStatement ps;
                    if (rows == INSERT_ROWS) {
                        if (full == null) {
                            full = c.prepareStatement(insertSql(rows));
                        }
                        ps = full;
                    } else {
                        ps = c.prepareStatement(insertSql(rows));
                    }
                    int p = 1;
                    for (int i = from; i < from + rows; i++) {
                        UserRecord u = users.get(i);
                        ps.setString(p++, u.name);
                        ps.setString(p++, u.email);
                    }
                    int[] ids = new int[rows];
                    try (ResultSet rs = ps.executeQuery()) {
                        int k = 0;
                        while (rs.next()) {
                            ids[k++] = rs.getInt(1);
                        }
                        if (k != rows) {
                            throw new IllegalStateException(k + " keys for " + rows + " rows");
                        }
                    }
                    // the keys of one statement's rows are consecutive; matched by order only when that holds
                    Arrays.sort(ids);
                    if (ids[rows - 1] - ids[0] != rows - 1) {
                        throw new IllegalStateException("generated keys are not consecutive");
                    }
                    for (int i = 0; i < rows; i++) {
                        users.get(from + i).id = ids[i];
                    }
                    if (ps != full) {
                        ps.close();
                    }
                }
            } finally {
                if (full != null) {
                    full.close();
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        long sum = 0;
        for (UserRecord u : users) {
            sum += u.id;
        }
        return sum;
    }

    private static UserRecord user(ResultSet rs) throws SQLException {
        return new UserRecord(rs.getInt(1), rs.getString(2), rs.getString(3));
    }

    @Override
    public int loadAllUsers() {
        List<UserRecord> users = new ArrayList<>();
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id, name, email FROM users");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                users.add(user(rs));
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return users.size();
    }

    @Override
    public long lookups(int[] ids) {
        long sum = 0;
        for (int id : ids) {
            try (Connection c = pool.getConnection();
                    PreparedStatement ps = c.prepareStatement("SELECT id, name, email FROM users WHERE id = ?")) {
                ps.setInt(1, id);
                UserRecord user = null;
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        user = user(rs);
                    }
                }
                c.commit();
                if (user != null) {
                    sum += user.id;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return sum;
    }

    @Override
    public int updateEmails(int n, String tag) {
        try (Connection c = pool.getConnection()) {
            List<UserRecord> users = new ArrayList<>(n);
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, email FROM users ORDER BY id LIMIT ?")) {
                ps.setInt(1, n);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        users.add(user(rs));
                    }
                }
            }
            for (UserRecord u : users) {
                u.email = tag + "-" + u.id + "@example.com";
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE users SET email = ? WHERE id = ?")) {
                for (UserRecord u : users) {
                    ps.setString(1, u.email);
                    ps.setInt(2, u.id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
            return users.size();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public long queriesByName(String[] names) {
        long sum = 0;
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id, name, email FROM users WHERE name = ?")) {
            for (String name : names) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        sum += user(rs).id;
                    }
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return sum;
    }

    @Override
    public int loadUsersWithAddresses() {
        List<UserRecord> users = new ArrayList<>();
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT u.id, u.name, u.email, a.id, a.email FROM users u "
                        + "LEFT OUTER JOIN addresses a ON a.user_id = u.id ORDER BY u.id, a.id");
                ResultSet rs = ps.executeQuery()) {
            UserRecord current = null;
            while (rs.next()) {
                int id = rs.getInt(1);
                if (current == null || current.id != id) {
                    current = new UserRecord(id, rs.getString(2), rs.getString(3));
                    users.add(current);
                }
                int addressId = rs.getInt(4);
                if (!rs.wasNull()) {
                    current.addresses.add(new UserRecord.AddressRecord(addressId, id, rs.getString(5)));
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        int addresses = 0;
        for (UserRecord u : users) {
            addresses += u.addresses.size();
        }
        return addresses;
    }

    @Override
    public int loadAndDeleteUsers() {
        try (Connection c = pool.getConnection()) {
            Map<Integer, UserRecord> users = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, email FROM users");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UserRecord u = user(rs);
                    users.put(u.id, u);
                }
            }
            int deleted = 0;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM users WHERE id = ?")) {
                for (UserRecord u : users.values()) {
                    ps.setInt(1, u.id);
                    ps.addBatch();
                }
                for (int count : ps.executeBatch()) {
                    deleted += count;
                }
            }
            c.commit();
            return deleted;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
