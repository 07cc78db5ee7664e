package dev.alchemy.dialect.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads the constraints of a {@code CREATE TABLE} statement as SQLite keeps it in {@code sqlite_master.sql}: the
 * PRAGMAs give columns, keys and indexes but not the names of constraints nor CHECK conditions, which SQLAlchemy
 * also recovers by parsing this text. Table constraints and column constraints are both read, in the order they
 * are written.
 */
final class SqliteTableSql {

    /** A constraint found in the text; {@code columns} are the local ones. */
    record Found(
            Kind kind,
            @Nullable String name,
            List<String> columns,
            @Nullable String referredTable,
            List<String> referredColumns,
            @Nullable String checkText) {}

    enum Kind {
        PRIMARY_KEY,
        UNIQUE,
        FOREIGN_KEY,
        CHECK
    }

    private record Token(String text, int start, int end, boolean quoted) {

        boolean is(String word) {
            return !quoted && text.equalsIgnoreCase(word);
        }
    }

    private final String sql;
    private final List<Found> found = new ArrayList<>();

    private SqliteTableSql(String sql) {
        this.sql = sql;
    }

    /**
     * @param createTable the CREATE TABLE text
     * @return the constraints, in the order they are written
     */
    static List<Found> parse(String createTable) {
        SqliteTableSql parser = new SqliteTableSql(createTable);
        parser.run();
        return parser.found;
    }

    private void run() {
        List<Token> tokens = tokenize(sql);
        int open = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).text.equals("(")) {
                open = i;
                break;
            }
        }
        if (open < 0) {
            return; // CREATE TABLE ... AS SELECT
        }
        int depth = 0;
        List<Token> element = new ArrayList<>();
        for (int i = open + 1; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.text.equals("(") && !t.quoted) {
                depth++;
            } else if (t.text.equals(")") && !t.quoted) {
                if (depth == 0) {
                    element(element);
                    return;
                }
                depth--;
            } else if (t.text.equals(",") && !t.quoted && depth == 0) {
                element(element);
                element = new ArrayList<>();
                continue;
            }
            element.add(t);
        }
    }

    private void element(List<Token> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        Token first = tokens.get(0);
        boolean tableConstraint = first.is("CONSTRAINT")
                || first.is("PRIMARY")
                || first.is("UNIQUE")
                || first.is("CHECK")
                || first.is("FOREIGN");
        if (tableConstraint) {
            constraints(tokens, 0, null);
        } else {
            constraints(tokens, 1, first.text);
        }
    }

    /** Reads constraints from {@code from} on; {@code column} is the column they belong to, or null for the table. */
    private void constraints(List<Token> tokens, int from, @Nullable String column) {
        String name = null;
        int i = from;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (t.is("CONSTRAINT") && i + 1 < tokens.size()) {
                name = tokens.get(i + 1).text;
                i += 2;
                continue;
            }
            if (t.is("PRIMARY")) {
                i = skipWord(tokens, i + 1, "KEY");
                List<String> cols = List.of();
                if (column == null) {
                    int close = closing(tokens, i);
                    cols = names(tokens, i + 1, close);
                    i = close + 1;
                } else {
                    cols = List.of(column);
                }
                found.add(new Found(Kind.PRIMARY_KEY, name, cols, null, List.of(), null));
                name = null;
                continue;
            }
            if (t.is("UNIQUE")) {
                List<String> cols;
                if (column == null) {
                    int close = closing(tokens, i + 1);
                    cols = names(tokens, i + 2, close);
                    i = close + 1;
                } else {
                    cols = List.of(column);
                    i++;
                }
                found.add(new Found(Kind.UNIQUE, name, cols, null, List.of(), null));
                name = null;
                continue;
            }
            if (t.is("CHECK")) {
                int close = closing(tokens, i + 1);
                String text = close > i + 1
                        ? sql.substring(tokens.get(i + 1).end, tokens.get(close).start)
                                .strip()
                        : "";
                found.add(new Found(
                        Kind.CHECK, name, column == null ? List.of() : List.of(column), null, List.of(), text));
                name = null;
                i = close + 1;
                continue;
            }
            if (t.is("FOREIGN") || t.is("REFERENCES")) {
                List<String> cols;
                if (t.is("FOREIGN")) {
                    i = skipWord(tokens, i + 1, "KEY");
                    int close = closing(tokens, i);
                    cols = names(tokens, i + 1, close);
                    i = close + 1;
                    i = skipWord(tokens, i, "REFERENCES");
                } else {
                    cols = column == null ? List.of() : List.of(column);
                    i++;
                }
                String referred = i < tokens.size() ? tokens.get(i).text : "";
                i++;
                List<String> referredColumns = List.of();
                if (i < tokens.size() && tokens.get(i).text.equals("(") && !tokens.get(i).quoted) {
                    int close = closing(tokens, i);
                    referredColumns = names(tokens, i + 1, close);
                    i = close + 1;
                }
                found.add(new Found(Kind.FOREIGN_KEY, name, cols, referred, referredColumns, null));
                name = null;
                continue;
            }
            if (t.text.equals("(") && !t.quoted) {
                i = closing(tokens, i) + 1; // a type's arguments, a DEFAULT expression, ...
                continue;
            }
            i++;
        }
    }

    private static int skipWord(List<Token> tokens, int i, String word) {
        return i < tokens.size() && tokens.get(i).is(word) ? i + 1 : i;
    }

    /** @return the index of the ")" closing the "(" at {@code open}, or the last index when unbalanced */
    private static int closing(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.quoted) {
                continue;
            }
            if (t.text.equals("(")) {
                depth++;
            } else if (t.text.equals(")")) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return tokens.size() - 1;
    }

    /** The names in a column list, without COLLATE or ASC/DESC. */
    private static List<String> names(List<Token> tokens, int from, int to) {
        List<String> names = new ArrayList<>();
        boolean expectName = true;
        for (int i = from; i < to && i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.text.equals(",") && !t.quoted) {
                expectName = true;
            } else if (expectName) {
                names.add(t.text);
                expectName = false;
            }
        }
        return names;
    }

    /** Words, quoted identifiers (unquoted), string literals, and single punctuation characters. */
    private static List<Token> tokenize(String sql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '"' || c == '`' || c == '[' || c == '\'') {
                char close = c == '[' ? ']' : c;
                StringBuilder text = new StringBuilder();
                int j = i + 1;
                while (j < n) {
                    char d = sql.charAt(j);
                    if (d == close) {
                        if (close != ']' && j + 1 < n && sql.charAt(j + 1) == close) {
                            text.append(d);
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    text.append(d);
                    j++;
                }
                String value = c == '\'' ? "'" + text.toString().replace("'", "''") + "'" : text.toString();
                tokens.add(new Token(value, i, Math.min(j + 1, n), true));
                i = j + 1;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
                int j = i;
                while (j < n
                        && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_' || sql.charAt(j) == '$')) {
                    j++;
                }
                tokens.add(new Token(sql.substring(i, j), i, j, false));
                i = j;
            } else {
                tokens.add(new Token(String.valueOf(c), i, i + 1, false));
                i++;
            }
        }
        return tokens;
    }

    /** @return the name as SQLite compares it: case-insensitively */
    static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
