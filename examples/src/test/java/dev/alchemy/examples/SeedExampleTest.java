package dev.alchemy.examples;

import static dev.alchemy.Alchemy.createEngine;
import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the seed example's {@code main} as a user would and reads what it prints. */
class SeedExampleTest {

    @TempDir
    Path dir;

    private static String run(String... args) {
        PrintStream console = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            SeedExample.main(args);
        } finally {
            System.setOut(console);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsEachStepThenTheSqlItSendsThenItsResult() {
        String out = run();
        assertThat(out)
                .containsSubsequence(
                        "== 1. create_all",
                        "INFO dev.alchemy.engine - CREATE TABLE users (\n\tid INTEGER NOT NULL, \n\tname VARCHAR, "
                                + "\n\temail VARCHAR, \n\tPRIMARY KEY (id)\n)",
                        "INFO dev.alchemy.engine - COMMIT",
                        "== 2. add + commit",
                        "INFO dev.alchemy.engine - INSERT INTO users (name, email) VALUES (?, ?) RETURNING id",
                        "INFO dev.alchemy.engine - [parameters] [Alice, alice@example.com]",
                        "INFO dev.alchemy.engine - COMMIT",
                        "-> User(id=1, name='Alice', email='alice@example.com')",
                        "== 3. query all",
                        "INFO dev.alchemy.engine - SELECT users.id, users.name, users.email \nFROM users\n",
                        "-> [User(id=1, name='Alice', email='alice@example.com')]",
                        "== 4. filter_by first",
                        "WHERE users.name = ?\n LIMIT ? OFFSET ?",
                        "INFO dev.alchemy.engine - [parameters] [Alice, 1, 0]",
                        "-> User(id=1, name='Alice', email='alice@example.com')",
                        "== 5. update + commit",
                        "INFO dev.alchemy.engine - UPDATE users SET email=? WHERE users.id = ?",
                        "INFO dev.alchemy.engine - [parameters] [alice@newdomain.com, 1]",
                        "INFO dev.alchemy.engine - COMMIT",
                        "-> User(id=1, name='Alice', email='alice@newdomain.com')",
                        "== 6. delete + commit",
                        "INFO dev.alchemy.engine - DELETE FROM users WHERE users.id = ?",
                        "INFO dev.alchemy.engine - [parameters] [1]",
                        "INFO dev.alchemy.engine - COMMIT",
                        "== 7. query all again",
                        "-> []");
        assertThat(out).doesNotContain("HikariPool"); // only the story and its SQL
    }

    @Test
    void runsOnTheDatabaseGivenAsArgument() {
        Path file = dir.resolve("my_database.db");
        run("sqlite:///" + file);
        Engine engine = createEngine("sqlite:///" + file);
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT count(*) FROM users")).scalar(Long.class))
                    .isZero(); // the table is there, and Alice was deleted at the end
        } finally {
            engine.dispose();
        }
    }
}
