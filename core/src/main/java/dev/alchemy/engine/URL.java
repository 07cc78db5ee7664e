package dev.alchemy.engine;

import dev.alchemy.exc.ArgumentError;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A parsed database URL, in SQLAlchemy's form or as a JDBC URL.
 *
 * <p>SQLAlchemy form: {@code dialect[+driver]://[user[:password]@][host][:port]/[database][?key=value&...]}:
 * {@code sqlite://} and {@code sqlite:///:memory:} (in memory), {@code sqlite:///relative.db},
 * {@code sqlite:////absolute/path.db}, {@code postgresql://scott:tiger@localhost:5432/app}. A {@code +driver}
 * part ({@code postgresql+psycopg2}) is accepted and ignored: Java has one JDBC driver per database.
 * JDBC form: {@code jdbc:sqlite:app.db}, {@code jdbc:postgresql://localhost/app}, passed to the driver as
 * given.
 *
 * <pre>{@code
 * URL url = URL.parse("postgresql://scott:tiger@localhost/app");
 * url.backendName();   // "postgresql"
 * url.toString();      // "postgresql://scott:***@localhost/app"
 * }</pre>
 */
public final class URL {

    private static final Pattern SQLALCHEMY =
            Pattern.compile("(?<scheme>[A-Za-z][A-Za-z0-9+._-]*)://(?<rest>.*)", Pattern.DOTALL);
    private static final Pattern JDBC = Pattern.compile("jdbc:(?<backend>[A-Za-z][A-Za-z0-9]*):.*", Pattern.DOTALL);

    private final String original;
    private final String backendName;
    private final @Nullable String driverName;
    private final @Nullable String username;
    private final @Nullable String password;
    private final @Nullable String host;
    private final @Nullable Integer port;
    private final @Nullable String database;
    private final Map<String, String> query;
    private final boolean jdbc;

    private URL(
            String original,
            String backendName,
            @Nullable String driverName,
            @Nullable String username,
            @Nullable String password,
            @Nullable String host,
            @Nullable Integer port,
            @Nullable String database,
            Map<String, String> query,
            boolean jdbc) {
        this.original = original;
        this.backendName = backendName;
        this.driverName = driverName;
        this.username = username;
        this.password = password;
        this.host = host;
        this.port = port;
        this.database = database;
        this.query = Collections.unmodifiableMap(query);
        this.jdbc = jdbc;
    }

    /**
     * Parses a URL in SQLAlchemy's form or JDBC form.
     *
     * @param url the URL text
     * @return the parsed URL
     * @throws ArgumentError when the text is not a URL of either form, naming the bad part
     */
    public static URL parse(String url) {
        Objects.requireNonNull(url, "url");
        String text = url.strip();
        if (text.isEmpty()) {
            throw new ArgumentError("empty database URL; expected e.g. 'sqlite:///app.db' or 'jdbc:sqlite:app.db'");
        }
        Matcher jdbcMatch = JDBC.matcher(text);
        if (jdbcMatch.matches()) {
            String backend = jdbcMatch.group("backend").toLowerCase(java.util.Locale.ROOT);
            return new URL(text, backend, null, null, null, null, null, null, Map.of(), true);
        }
        if (text.startsWith("jdbc:")) {
            throw new ArgumentError(
                    "malformed JDBC URL '" + text + "'; expected 'jdbc:<database>:...', e.g. 'jdbc:sqlite:app.db'");
        }
        Matcher m = SQLALCHEMY.matcher(text);
        if (!m.matches()) {
            throw new ArgumentError(
                    "could not parse database URL '" + redact(text)
                            + "'; expected 'dialect[+driver]://[user[:password]@][host][:port]/[database]', e.g. 'sqlite:///app.db'");
        }
        String scheme = m.group("scheme").toLowerCase(java.util.Locale.ROOT);
        String backend = scheme;
        String driver = null;
        int plus = scheme.indexOf('+');
        if (plus >= 0) {
            backend = scheme.substring(0, plus);
            driver = scheme.substring(plus + 1);
            if (backend.isEmpty() || driver.isEmpty()) {
                throw new ArgumentError("malformed dialect '" + scheme + "' in '" + redact(text)
                        + "'; expected 'dialect' or 'dialect+driver'");
            }
        }
        String rest = m.group("rest");
        Map<String, String> query = new LinkedHashMap<>();
        int q = rest.indexOf('?');
        if (q >= 0) {
            parseQuery(rest.substring(q + 1), query, text);
            rest = rest.substring(0, q);
        }
        // netloc is everything up to the first '/', the rest (without that slash) is the database
        int slash = rest.indexOf('/');
        String netloc = slash >= 0 ? rest.substring(0, slash) : rest;
        String database = slash >= 0 ? rest.substring(slash + 1) : null;
        if (database != null && database.isEmpty()) {
            database = null;
        }
        String username = null;
        String password = null;
        String host = null;
        Integer port = null;
        int at = netloc.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = netloc.substring(0, at);
            netloc = netloc.substring(at + 1);
            int colon = userInfo.indexOf(':');
            username = decode(colon >= 0 ? userInfo.substring(0, colon) : userInfo);
            password = colon >= 0 ? decode(userInfo.substring(colon + 1)) : null;
        }
        if (!netloc.isEmpty()) {
            int colon = netloc.lastIndexOf(':');
            if (colon >= 0 && !netloc.endsWith("]")) {
                String portText = netloc.substring(colon + 1);
                host = netloc.substring(0, colon);
                try {
                    port = Integer.valueOf(portText);
                } catch (NumberFormatException e) {
                    throw new ArgumentError(
                            "invalid port '" + portText + "' in '" + redact(text) + "'; expected a number");
                }
                if (port < 1 || port > 65535) {
                    throw new ArgumentError("port " + port + " out of range 1-65535 in '" + redact(text) + "'");
                }
            } else {
                host = netloc;
            }
            if (host.isEmpty()) {
                host = null;
            }
        }
        return new URL(text, backend, driver, username, password, host, port, database, query, false);
    }

    private static void parseQuery(String text, Map<String, String> into, String url) {
        if (text.isEmpty()) {
            return;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new ArgumentError(
                        "malformed query parameter '" + pair + "' in '" + redact(url) + "'; expected key=value");
            }
            into.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String redact(String text) {
        return text.replaceFirst("(://[^:/@]*:)[^@/]*@", "$1***@");
    }

    /** @return the database kind, lower case: {@code "sqlite"}, {@code "postgresql"} */
    public String backendName() {
        return backendName;
    }

    /** @return the {@code +driver} part of an SQLAlchemy URL, or null */
    public @Nullable String driverName() {
        return driverName;
    }

    /** @return the user name, or null */
    public @Nullable String username() {
        return username;
    }

    /** @return the password, or null */
    public @Nullable String password() {
        return password;
    }

    /** @return the host, or null */
    public @Nullable String host() {
        return host;
    }

    /** @return the port, or null for the database's default */
    public @Nullable Integer port() {
        return port;
    }

    /**
     * @return the database part: a file path or {@code :memory:} for SQLite, a database name for servers; null
     *     when absent (and for JDBC URLs, which are passed through as they are)
     */
    public @Nullable String database() {
        return database;
    }

    /** @return the query parameters, in the order given */
    public Map<String, String> query() {
        return query;
    }

    /** @return true for a URL given in JDBC form ({@code jdbc:...}) */
    public boolean isJdbc() {
        return jdbc;
    }

    /** @return the URL text exactly as given (with the password; do not log it) */
    public String rawText() {
        return original;
    }

    /** @return the URL with any password replaced by {@code ***}, safe to log */
    @Override
    public String toString() {
        return jdbc ? original.replaceAll("(?i)(password=)[^&;]*", "$1***") : redact(original);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof URL other && other.original.equals(original);
    }

    @Override
    public int hashCode() {
        return original.hashCode();
    }
}
