package dev.alchemy.bench;

import dev.alchemy.bench.core.CoreContender;
import dev.alchemy.bench.hibernate.HibernateContender;
import dev.alchemy.bench.jdbc.JdbcContender;
import dev.alchemy.bench.jooq.JooqContender;
import dev.alchemy.bench.mybatis.MybatisContender;
import dev.alchemy.bench.orm.OrmContender;
import java.util.List;

/** The contenders by name. */
public final class Contenders {

    /** Every contender, in the order the report shows them. */
    public static final List<String> NAMES =
            List.of("jdbc", "core", "orm", "orm-readonly", "orm-joined", "hibernate", "jooq", "mybatis");

    /** The other libraries, whose fastest per workload is the report's "best peer". */
    public static final List<String> PEERS = List.of("hibernate", "jooq", "mybatis");

    /** Alchemy's ORM in read-only sessions: it runs only the workloads that do not write ({@link Workload#reads()}). */
    public static final String ORM_READ_ONLY = "orm-readonly";

    /** Alchemy's ORM loading W6's addresses with a joined eager load instead of selectin: it runs only W6. */
    public static final String ORM_JOINED = "orm-joined";

    private Contenders() {}

    /**
     * @param name one of {@link #NAMES}
     * @param db the database it works on
     * @return the contender, ready
     */
    public static Contender open(String name, BenchDatabase db) {
        return switch (name) {
            case "jdbc" -> new JdbcContender(db);
            case "core" -> new CoreContender(db);
            case "orm" -> new OrmContender(db, false);
            case ORM_READ_ONLY -> new OrmContender(db, true);
            case ORM_JOINED -> new OrmContender(db, false, true);
            case "hibernate" -> new HibernateContender(db);
            case "jooq" -> new JooqContender(db);
            case "mybatis" -> new MybatisContender(db);
            default -> throw new IllegalArgumentException("contenders are " + NAMES + ", not " + name);
        };
    }

    /**
     * @param workload a workload
     * @param name a contender's name
     * @return whether the contender runs the workload: all do, except the read-only ORM the writing ones and the
     *     joined-load ORM all but W6
     */
    public static boolean runs(Workload workload, String name) {
        return switch (name) {
            case ORM_READ_ONLY -> workload.reads();
            case ORM_JOINED -> workload == Workload.W6;
            default -> true;
        };
    }

    /**
     * @param name a contender's name
     * @return whether it runs only some workloads ({@link #runs}), so that JMH runs it on its own
     */
    public static boolean partial(String name) {
        return name.equals(ORM_READ_ONLY) || name.equals(ORM_JOINED);
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
            case ORM_READ_ONLY -> "Alchemy ORM, read-only";
            case ORM_JOINED -> "Alchemy ORM, joined";
            case "hibernate" -> "Hibernate 7.4";
            case "jooq" -> "jOOQ 3.19";
            case "mybatis" -> "MyBatis 3.5";
            default -> name;
        };
    }
}
