package dev.alchemy.dialect.sqlite;

import dev.alchemy.engine.Conversions;
import dev.alchemy.exc.ArgumentError;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * SQLAlchemy's text forms of dates and times on SQLite: {@code 'YYYY-MM-DD HH:MM:SS.ffffff'} (always six
 * fractional digits, finer digits truncated), {@code 'YYYY-MM-DD'}, {@code 'HH:MM:SS.ffffff'}. Formatting and
 * parsing of these exact forms is done by hand, as it runs once per value; anything else read back (no fraction,
 * a {@code T}, an offset, epoch milliseconds as sqlite-jdbc's {@code setTimestamp} writes them) goes a slower,
 * lenient way.
 */
final class SqliteTemporal {

    // years outside 0000..9999 (which Python cannot hold) keep ISO's sign, never year-of-era
    private static final DateTimeFormatter WIDE_DATETIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);

    private SqliteTemporal() {}

    static String formatDateTime(LocalDateTime t) {
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            return WIDE_DATETIME.format(t);
        }
        char[] c = new char[26];
        date(c, year, t.getMonthValue(), t.getDayOfMonth());
        c[10] = ' ';
        time(c, 11, t.getHour(), t.getMinute(), t.getSecond(), t.getNano());
        return new String(c);
    }

    static String formatDate(LocalDate d) {
        int year = d.getYear();
        if (year < 0 || year > 9999) {
            return d.toString();
        }
        char[] c = new char[10];
        date(c, year, d.getMonthValue(), d.getDayOfMonth());
        return new String(c);
    }

    static String formatTime(LocalTime t) {
        char[] c = new char[15];
        time(c, 0, t.getHour(), t.getMinute(), t.getSecond(), t.getNano());
        return new String(c);
    }

    /** The UTC wall time of an aware value: SQLite has no offsets, so all aware values are stored in UTC. */
    static String formatUtc(Object value) {
        if (value instanceof OffsetDateTime o) {
            return formatDateTime(o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
        }
        if (value instanceof Instant i) {
            return formatDateTime(LocalDateTime.ofInstant(i, ZoneOffset.UTC));
        }
        return formatDateTime(((java.time.ZonedDateTime) value)
                .withZoneSameInstant(ZoneOffset.UTC)
                .toLocalDateTime());
    }

    static @Nullable LocalDateTime parseDateTime(@Nullable Object raw) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof Number millis) {
            return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis.longValue()), ZoneOffset.UTC);
        }
        String s = raw.toString();
        LocalDateTime fast = fastDateTime(s);
        if (fast != null) {
            return fast;
        }
        try {
            return Conversions.convert(s, LocalDateTime.class);
        } catch (ArgumentError e) {
            // text with an offset (not written by SQLAlchemy or Alchemy): the wall time, as SQLAlchemy's
            // prefix-matching regex reads it
            return java.util.Objects.requireNonNull(Conversions.convert(s, OffsetDateTime.class))
                    .toLocalDateTime();
        }
    }

    static @Nullable OffsetDateTime parseUtc(@Nullable Object raw) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof String s) {
            LocalDateTime fast = fastDateTime(s);
            if (fast != null) {
                return fast.atOffset(ZoneOffset.UTC);
            }
            // with an offset, honour it; without one, UTC (Conversions' rule)
            return java.util.Objects.requireNonNull(Conversions.convert(s, OffsetDateTime.class))
                    .withOffsetSameInstant(ZoneOffset.UTC);
        }
        LocalDateTime t = parseDateTime(raw);
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }

    static @Nullable LocalDate parseDate(@Nullable String s) {
        if (s == null) {
            return null;
        }
        if (s.length() >= 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
            int y = digits(s, 0, 4);
            int m = digits(s, 5, 7);
            int d = digits(s, 8, 10);
            if (y >= 0 && m >= 0 && d >= 0) {
                try {
                    return LocalDate.of(y, m, d);
                } catch (RuntimeException e) {
                    throw unreadable(s, "DATE", e);
                }
            }
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (RuntimeException e) {
            throw unreadable(s, "DATE", e);
        }
    }

    static @Nullable LocalTime parseTime(@Nullable String s) {
        if (s == null) {
            return null;
        }
        if (s.length() >= 8 && s.charAt(2) == ':' && s.charAt(5) == ':') {
            LocalTime t = fastTime(s, 0);
            if (t != null) {
                return t;
            }
        }
        try {
            return LocalTime.parse(s.strip());
        } catch (RuntimeException e) {
            throw unreadable(s, "TIME", e);
        }
    }

    /** {@code YYYY-MM-DD HH:MM:SS[.f{1,9}]} or {@code YYYY-MM-DD}, else null. */
    private static @Nullable LocalDateTime fastDateTime(String s) {
        int n = s.length();
        if (n < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int y = digits(s, 0, 4);
        int mo = digits(s, 5, 7);
        int d = digits(s, 8, 10);
        if (y < 0 || mo < 0 || d < 0) {
            return null;
        }
        try {
            if (n == 10) {
                return LocalDateTime.of(y, mo, d, 0, 0);
            }
            if (s.charAt(10) != ' ' || n < 19) {
                return null;
            }
            LocalTime t = fastTime(s, 11);
            return t == null ? null : LocalDateTime.of(LocalDate.of(y, mo, d), t);
        } catch (RuntimeException e) {
            throw unreadable(s, "DATETIME", e);
        }
    }

    /** {@code HH:MM:SS[.f{1,9}]} from {@code at} to the end, else null. */
    private static @Nullable LocalTime fastTime(String s, int at) {
        int n = s.length();
        if (n < at + 8 || s.charAt(at + 2) != ':' || s.charAt(at + 5) != ':') {
            return null;
        }
        int h = digits(s, at, at + 2);
        int mi = digits(s, at + 3, at + 5);
        int sec = digits(s, at + 6, at + 8);
        if (h < 0 || mi < 0 || sec < 0) {
            return null;
        }
        int nano = 0;
        int frac = at + 8;
        if (n > frac) {
            int digitCount = n - frac - 1;
            if (s.charAt(frac) != '.' || digitCount < 1 || digitCount > 9) {
                return null;
            }
            int f = digits(s, frac + 1, n);
            if (f < 0) {
                return null;
            }
            nano = f;
            for (int k = digitCount; k < 9; k++) {
                nano *= 10;
            }
        }
        try {
            return LocalTime.of(h, mi, sec, nano);
        } catch (RuntimeException e) {
            throw unreadable(s, "TIME", e);
        }
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int k = from; k < to; k++) {
            char ch = s.charAt(k);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }

    private static void date(char[] c, int year, int month, int day) {
        put(c, 0, year, 4);
        c[4] = '-';
        put(c, 5, month, 2);
        c[7] = '-';
        put(c, 8, day, 2);
    }

    private static void time(char[] c, int at, int hour, int minute, int second, int nano) {
        put(c, at, hour, 2);
        c[at + 2] = ':';
        put(c, at + 3, minute, 2);
        c[at + 5] = ':';
        put(c, at + 6, second, 2);
        c[at + 8] = '.';
        put(c, at + 9, nano / 1000, 6); // truncated to microseconds, as Python's datetime holds them
    }

    private static void put(char[] c, int at, int value, int width) {
        for (int k = at + width - 1; k >= at; k--) {
            c[k] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static ArgumentError unreadable(String text, String type, RuntimeException cause) {
        return new ArgumentError("cannot read '" + text + "' as a " + type + ": " + cause.getMessage(), cause);
    }
}
