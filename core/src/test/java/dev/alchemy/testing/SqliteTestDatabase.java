package dev.alchemy.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** An SQLite file in a temporary folder of its own; {@link #reset()} deletes the file, {@link #close()} the folder. */
final class SqliteTestDatabase extends TestDatabase {

    private @Nullable Path folder;

    SqliteTestDatabase(String owner) {
        super(Kind.SQLITE, owner);
    }

    /** @return the database file (it exists once an engine has connected) */
    synchronized Path file() {
        if (folder == null) {
            try {
                folder = Files.createTempDirectory("alchemy-" + owner().replaceAll("[^A-Za-z0-9]+", "_") + "-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return folder.resolve("test.db");
    }

    @Override
    public String url() {
        return "sqlite:///" + file();
    }

    @Override
    public String jdbcUrl() {
        return "jdbc:sqlite:" + file();
    }

    @Override
    public @Nullable String username() {
        return null;
    }

    @Override
    public String autoincrementPrimaryKey() {
        return "INTEGER PRIMARY KEY";
    }

    @Override
    synchronized void dropEverything() {
        if (folder != null) {
            deleteContents(folder); // the file and its -wal and -shm companions; every engine on it is disposed
        }
    }

    @Override
    synchronized void destroy() {
        if (folder != null) {
            deleteContents(folder);
            try {
                Files.deleteIfExists(folder);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            folder = null;
        }
    }

    private static void deleteContents(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(folder)) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
