package dev.alchemy.bench;

import dev.alchemy.bench.core.CoreContender;
import dev.alchemy.bench.hibernate.HibernateContender;
import dev.alchemy.bench.jdbc.JdbcContender;
import dev.alchemy.bench.orm.OrmContender;
import java.util.List;

/** The contenders by name. */
public final class Contenders {

    /** Every contender, in the order the report shows them. */
    public static final List<String> NAMES = List.of("jdbc", "core", "orm", "hibernate");

    private Contenders() {}

    /**
     * @param name {@code jdbc}, {@code core}, {@code orm} or {@code hibernate}
     * @param db the database it works on
     * @return the contender, ready
     */
    public static Contender open(String name, BenchDatabase db) {
        return switch (name) {
            case "jdbc" -> new JdbcContender(db);
            case "core" -> new CoreContender(db);
            case "orm" -> new OrmContender(db);
            case "hibernate" -> new HibernateContender(db);
            default -> throw new IllegalArgumentException("contenders are " + NAMES + ", not " + name);
        };
    }

    /**
     * @param name a contender's name
     * @return how the report names it
     */
    public static String label(String name) {
        return switch (name) {
            case "jdbc" -> "raw JDBC";
            case "core" -> "Alchemy Core";
            case "orm" -> "Alchemy ORM";
            case "hibernate" -> "Hibernate 7.4";
            default -> name;
        };
    }
}
