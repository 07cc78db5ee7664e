package dev.alchemy.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Puts rows in place before a workload, through plain JDBC, the same for every contender; not measured. */
public final class Seed {

    private Seed() {}

    /**
     * @param i a user's number
     * @return its name, {@code user00042}
     */
    public static String name(int i) {
        return String.format("user%05d", i);
    }

    /**
     * Deletes every row.
     *
     * @param db the database
     */
    public static void clear(BenchDatabase db) {
        db.execute(List.of("DELETE FROM addresses", "DELETE FROM users"));
        db.checkpoint();
    }

    /**
     * Inserts users named {@code user00001 ...} with emails {@code user00001@example.com}, and addresses for each.
     *
     * @param db the database
     * @param users how many users
     * @param addressesPerUser how many addresses each
     */
    public static void users(BenchDatabase db, int users, int addressesPerUser) {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (id, name, email) VALUES (?, ?, ?)")) {
                for (int i = 1; i <= users; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, name(i));
                    ps.setString(3, name(i) + "@example.com");
                    ps.addBatch();
                    if (i % 1000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            if (addressesPerUser > 0) {
                try (PreparedStatement ps =
                        c.prepareStatement("INSERT INTO addresses (user_id, email) VALUES (?, ?)")) {
                    int n = 0;
                    for (int i = 1; i <= users; i++) {
                        for (int a = 1; a <= addressesPerUser; a++) {
                            ps.setInt(1, i);
                            ps.setString(2, name(i) + "." + a + "@example.com");
                            ps.addBatch();
                            if (++n % 1000 == 0) {
                                ps.executeBatch();
                            }
                        }
                    }
                    ps.executeBatch();
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        if (db.kind().equals("postgresql")) {
            // explicit ids leave the SERIAL sequences behind; move them past the rows
            db.execute(List.of(
                    "SELECT setval('users_id_seq', (SELECT COALESCE(MAX(id), 0) + 1 FROM users), false)",
                    "SELECT setval('addresses_id_seq', (SELECT COALESCE(MAX(id), 0) + 1 FROM addresses), false)"));
        }
        db.checkpoint();
    }
}
