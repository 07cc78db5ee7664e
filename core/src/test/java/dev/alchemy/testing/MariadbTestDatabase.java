package dev.alchemy.testing;

import org.jspecify.annotations.Nullable;

/** A database of its own on the shared embedded MariaDB server, created on first use and dropped on close. */
final class MariadbTestDatabase extends TestDatabase {

    private @Nullable String name;

    MariadbTestDatabase(String owner) {
        super(Kind.MARIADB, owner);
    }

    /** @return the database's name, creating the database (and starting the server) on the first call */
    synchronized String name() {
        if (name == null) {
            name = MariadbServer.get().createDatabase(owner());
        }
        return name;
    }

    @Override
    public String url() {
        return MariadbServer.get().url(name());
    }

    @Override
    public String jdbcUrl() {
        return MariadbServer.get().jdbcUrl(name());
    }

    @Override
    public String username() {
        return MariadbServer.USER;
    }

    @Override
    public String autoincrementPrimaryKey() {
        return "INTEGER NOT NULL AUTO_INCREMENT PRIMARY KEY";
    }

    @Override
    synchronized void dropEverything() {
        if (name != null) {
            // tables, views and sequences all live in the database (MariaDB's schema); a new one is empty
            MariadbServer.get().recreateDatabase(name);
        }
    }

    @Override
    synchronized void destroy() {
        if (name != null) {
            MariadbServer.get().dropDatabase(name);
            name = null;
        }
    }
}
