package dev.alchemy.maven;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.alchemy.engine.Engine;
import dev.alchemy.migration.MigrationScript;
import dev.alchemy.migration.SchemaDiff;
import dev.alchemy.orm.Base;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * What {@code mvn alchemy:migration} does, without Maven: finds the models, connects to the development database,
 * compares, and writes {@code V<next>__<message>.sql}.
 */
final class MigrationWriter {

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)([._]\\d+)*__.*\\.sql");
    private static final String DEFAULT_URL = "sqlite:///alchemy.db";

    /**
     * What the goal was given.
     *
     * @param basedir the project's directory (relative SQLite paths are resolved against it)
     * @param classes the compiled classes
     * @param resources where application.properties is
     * @param directory where the migrations are
     * @param message the change, for the file name
     * @param url the database URL given on the command line, or null to read the application's
     * @param username its user, or null
     * @param password its password, or null
     * @param packages the packages of the models, empty for the starter's default
     */
    record Settings(
            Path basedir,
            Path classes,
            Path resources,
            Path directory,
            String message,
            @Nullable String url,
            @Nullable String username,
            @Nullable String password,
            List<String> packages) {}

    /** The outcome: the file written (null when the database matched), and what it holds. */
    record Result(@Nullable Path file, SchemaDiff diff, MigrationScript script, String database) {}

    /** Thrown for what the user must fix; the message says what. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }

    private MigrationWriter() {}

    static Result write(Settings s, ClassLoader loader, Consumer<String> log) throws Failure, IOException {
        String slug = slug(s.message());
        ApplicationProperties app = ApplicationProperties.read(s.resources());
        List<String> packages = s.packages();
        if (packages.isEmpty() && app.get("alchemy.models.packages") != null) {
            packages = List.of(app.get("alchemy.models.packages").split("\\s*,\\s*"));
        }
        ModelFinder.Found found = ModelFinder.find(s.classes(), loader, packages);
        if (found.models().isEmpty()) {
            throw new Failure(
                    "found no model classes (annotated with @dev.alchemy.orm.Table) in " + s.classes() + " by "
                            + found.rule() + (found.packages().isEmpty() ? "" : " " + found.packages())
                            + ". Compile the project first, or name the models' packages with"
                            + " -Dalchemy.models.packages=com.example.model",
                    null);
        }
        log.accept("Models (" + found.rule() + "): "
                + found.models().stream().map(Class::getSimpleName).toList());
        Base base;
        try {
            base = Base.of(found.models().toArray(Class<?>[]::new));
        } catch (RuntimeException e) {
            throw new Failure("cannot map the models: " + e.getMessage(), e);
        }

        Connection c = connection(s, app);
        log.accept("Database: " + c.describe());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        SchemaDiff diff;
        HikariDataSource pool = null;
        try {
            pool = c.pool();
            try (Engine engine = pool != null ? Engine.create(pool) : Engine.create(c.url())) {
                diff = SchemaDiff.compare(base.metadata(), engine);
            }
        } catch (RuntimeException e) {
            throw new Failure(
                    "cannot compare the models with " + c.describe() + ": " + e.getMessage()
                            + " (give the database with -Dalchemy.url=...)",
                    e);
        } finally {
            if (pool != null) {
                pool.close();
            }
            thread.setContextClassLoader(previous);
        }
        MigrationScript script = MigrationScript.render(diff);
        if (diff.isEmpty()) {
            return new Result(null, diff, script, c.describe());
        }
        Files.createDirectories(s.directory());
        Path file = s.directory().resolve("V" + nextVersion(s.directory()) + "__" + slug + ".sql");
        Files.writeString(file, script.sql(), StandardCharsets.UTF_8);
        return new Result(file, diff, script, c.describe());
    }

    static String slug(String message) throws Failure {
        String slug = message.strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        if (slug.isEmpty()) {
            throw new Failure(
                    "the migration needs a message for its file name: -Dmessage=\"add phone\" (got '" + message + "')",
                    null);
        }
        return slug;
    }

    /** One more than the highest major version of the {@code V<version>__*.sql} files there. */
    static long nextVersion(Path directory) throws IOException {
        long max = 0;
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path f : files.toList()) {
                    Matcher m = VERSIONED.matcher(f.getFileName().toString());
                    if (m.matches()) {
                        max = Math.max(max, Long.parseLong(m.group(1)));
                    }
                }
            }
        }
        return max + 1;
    }

    /** Where to connect, and a description without the password. */
    private record Connection(
            String describe,
            String url,
            @Nullable String username,
            @Nullable String password) {

        /** A pool of one connection for a JDBC URL (with its user), else null: the engine opens its own. */
        @Nullable
        HikariDataSource pool() {
            if (!url.startsWith("jdbc:")) {
                return null;
            }
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url);
            config.setUsername(username);
            config.setPassword(password);
            config.setMaximumPoolSize(1);
            config.setPoolName("alchemy-migration");
            return new HikariDataSource(config);
        }
    }

    private static Connection connection(Settings s, ApplicationProperties app) {
        String url = s.url();
        String user = s.username();
        String password = s.password();
        String from = "-Dalchemy.url";
        if (url == null && app.get("spring.datasource.url") != null) {
            url = app.get("spring.datasource.url");
            user = user != null ? user : app.get("spring.datasource.username");
            password = password != null ? password : app.get("spring.datasource.password");
            from = "spring.datasource.url in " + where(app, s.basedir());
        }
        if (url == null && app.get("alchemy.url") != null) {
            url = app.get("alchemy.url");
            from = "alchemy.url in " + where(app, s.basedir());
        }
        if (url == null) {
            url = DEFAULT_URL;
            from = "the starter's default";
        }
        url = resolveSqlitePath(url, s.basedir());
        return new Connection(url + " (" + from + ")", url, user, password);
    }

    private static String where(ApplicationProperties app, Path basedir) {
        Path source = app.source();
        return source == null
                ? ""
                : basedir.toAbsolutePath().relativize(source.toAbsolutePath()).toString();
    }

    /** A relative SQLite file is relative to the project, where {@code spring-boot:run} starts the application. */
    static String resolveSqlitePath(String url, Path basedir) {
        for (String prefix : List.of("sqlite:///", "jdbc:sqlite:")) {
            if (url.startsWith(prefix)) {
                String path = url.substring(prefix.length());
                if (path.isEmpty() || path.startsWith("/") || path.startsWith(":memory:") || path.startsWith("file:")) {
                    return url;
                }
                return prefix + basedir.resolve(path).normalize();
            }
        }
        return url;
    }
}
