package dev.alchemy.boot.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;

/**
 * Alchemy's settings, under the prefix {@code alchemy}.
 *
 * <pre>
 * alchemy.url=sqlite:///data/app.db
 * alchemy.echo=true
 * alchemy.models.packages=com.example.model
 * alchemy.schema.mode=validate
 * alchemy.session.non-transactional=fail
 * alchemy.replica.url=jdbc:postgresql://replica.example.com/app
 * </pre>
 */
@ConfigurationProperties("alchemy")
public class AlchemyProperties {

    /** The URL used by {@link AlchemyDataSourceAutoConfiguration} when no other is configured. */
    public static final String DEFAULT_URL = "sqlite:///alchemy.db";

    /**
     * Database used when the application configures no DataSource of its own (no spring.datasource.url, no
     * DataSource bean). SQLAlchemy-style ('sqlite:///app.db', 'sqlite:///:memory:',
     * 'postgresql://user:password@host/db') or a JDBC URL. The default is an SQLite file in the working directory.
     */
    private String url = DEFAULT_URL;

    /** Log every statement and its parameters at INFO (logger 'dev.alchemy.engine'), like create_engine(echo=True). */
    private boolean echo;

    /** Keep bound parameter values out of logs and exception messages, like create_engine(hide_parameters=True). */
    private boolean hideParameters;

    /**
     * SQLite: begin each transaction by taking the database's write lock (BEGIN IMMEDIATE), so that concurrent
     * requests that read and then write wait for each other instead of failing with 'database is locked'
     * (CannotAcquireLockException). Transactions on the file then run one at a time. Ignored by PostgreSQL.
     */
    private boolean immediateTransactions;

    /**
     * Largest number of compiled statements the engine keeps, by shape, like create_engine(query_cache_size=...).
     * 0 turns the cache off.
     */
    private int statementCacheSize = 500;

    /**
     * SQLite: keep prepared statements on the physical connection from one pool checkout to the next even when the
     * DataSource wraps HikariCP's connections (p6spy, datasource-proxy, a metrics or tracing proxy). The wrapper then
     * no longer sees the kept statements; the engine's own statement listeners and echo still do.
     */
    private boolean keepStatementsPastWrappers;

    /**
     * Dialect of the application's database ('sqlite', 'postgresql'). Detected from the DataSource when not set; set
     * it when the JDBC URL does not name the database (a proxy or wrapper driver).
     */
    private @Nullable String dialect;

    private final Models models = new Models();

    private final Schema schema = new Schema();

    private final Session session = new Session();

    private final Replica replica = new Replica();

    private final Repositories repositories = new Repositories();

    /** @return the database URL used when the application configures no DataSource */
    public String getUrl() {
        return url;
    }

    /** @param url the database URL used when the application configures no DataSource */
    public void setUrl(String url) {
        this.url = url;
    }

    /** @return whether statements are logged */
    public boolean isEcho() {
        return echo;
    }

    /** @param echo whether statements are logged */
    public void setEcho(boolean echo) {
        this.echo = echo;
    }

    /** @return whether parameter values are hidden from logs and errors */
    public boolean isHideParameters() {
        return hideParameters;
    }

    /** @param hideParameters whether parameter values are hidden from logs and errors */
    public void setHideParameters(boolean hideParameters) {
        this.hideParameters = hideParameters;
    }

    /** @return whether SQLite transactions take the write lock when they begin */
    public boolean isImmediateTransactions() {
        return immediateTransactions;
    }

    /** @param immediateTransactions whether SQLite transactions take the write lock when they begin */
    public void setImmediateTransactions(boolean immediateTransactions) {
        this.immediateTransactions = immediateTransactions;
    }

    /** @return the largest number of compiled statements the engine keeps */
    public int getStatementCacheSize() {
        return statementCacheSize;
    }

    /** @param statementCacheSize the largest number of compiled statements the engine keeps; 0 turns it off */
    public void setStatementCacheSize(int statementCacheSize) {
        this.statementCacheSize = statementCacheSize;
    }

    /** @return whether SQLite statements are kept under a wrapping DataSource */
    public boolean isKeepStatementsPastWrappers() {
        return keepStatementsPastWrappers;
    }

    /** @param keepStatementsPastWrappers whether SQLite statements are kept under a wrapping DataSource */
    public void setKeepStatementsPastWrappers(boolean keepStatementsPastWrappers) {
        this.keepStatementsPastWrappers = keepStatementsPastWrappers;
    }

    /** @return the configured dialect name, or null to detect it */
    public @Nullable String getDialect() {
        return dialect;
    }

    /** @param dialect the dialect name, or null to detect it */
    public void setDialect(@Nullable String dialect) {
        this.dialect = dialect;
    }

    /** @return where model classes are found */
    public Models getModels() {
        return models;
    }

    /** @return what happens to the schema at start-up */
    public Schema getSchema() {
        return schema;
    }

    /** @return the settings of sessions */
    public Session getSession() {
        return session;
    }

    /** @return the read replica that read-only transactions use */
    public Replica getReplica() {
        return replica;
    }

    /** @return the settings of Spring Data repositories */
    public Repositories getRepositories() {
        return repositories;
    }

    /** Spring Data repositories ({@code alchemy-spring-data} on the class path). */
    public static class Repositories {

        /**
         * Create a bean for every Alchemy repository interface in the application's package (with alchemy-spring-data
         * on the class path), like spring.data.jpa.repositories.enabled.
         */
        private boolean enabled = true;

        /** @return whether repositories are auto-configured */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether repositories are auto-configured */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /**
     * A read replica: when {@code url} is set, {@code @Transactional(readOnly = true)} work (Alchemy and
     * {@code JdbcTemplate} alike) reads from it, and everything else uses the application's DataSource, the primary.
     * See {@link AlchemyReplicaAutoConfiguration}.
     */
    public static class Replica {

        /**
         * URL of a read replica (a streaming standby) of the application's database, JDBC
         * ('jdbc:postgresql://replica/app') or SQLAlchemy-style ('postgresql://user@replica/app'). When set,
         * read-only transactions (@Transactional(readOnly = true)) take their connection from it; all other work
         * uses spring.datasource. Replicas lag: a read that must see the caller's own recent write belongs in a
         * read-write transaction.
         */
        private @Nullable String url;

        /** User name for the replica. Defaults to spring.datasource.username. */
        private @Nullable String username;

        /** Password for the replica. Defaults to spring.datasource.password. */
        private @Nullable String password;

        /** Largest number of connections the replica's pool holds. */
        private int maximumPoolSize = 10;

        /** @return the replica's URL, or null for no replica */
        public @Nullable String getUrl() {
            return url;
        }

        /** @param url the replica's URL, or null for no replica */
        public void setUrl(@Nullable String url) {
            this.url = url;
        }

        /** @return the replica's user name, or null for spring.datasource's */
        public @Nullable String getUsername() {
            return username;
        }

        /** @param username the replica's user name, or null for spring.datasource's */
        public void setUsername(@Nullable String username) {
            this.username = username;
        }

        /** @return the replica's password, or null for spring.datasource's */
        public @Nullable String getPassword() {
            return password;
        }

        /** @param password the replica's password, or null for spring.datasource's */
        public void setPassword(@Nullable String password) {
            this.password = password;
        }

        /** @return the largest size of the replica's pool */
        public int getMaximumPoolSize() {
            return maximumPoolSize;
        }

        /** @param maximumPoolSize the largest size of the replica's pool */
        public void setMaximumPoolSize(int maximumPoolSize) {
            this.maximumPoolSize = maximumPoolSize;
        }
    }

    /** Where the {@code @Table} model classes are found. */
    public static class Models {

        /**
         * Packages (with their sub-packages) to scan for classes annotated with @dev.alchemy.orm.Table. Replaces
         * the default: the packages of @EntityScan, else the package of the @SpringBootApplication class.
         */
        private List<String> packages = new ArrayList<>();

        /** @return the packages to scan, empty for the default */
        public List<String> getPackages() {
            return packages;
        }

        /** @param packages the packages to scan, empty for the default */
        public void setPackages(List<String> packages) {
            this.packages = packages;
        }
    }

    /** What happens to the schema at start-up. */
    public static class Schema {

        /**
         * What Alchemy does with the schema at start-up, after Flyway or Liquibase and before data.sql: 'create' the
         * tables of the model classes that do not exist yet (like Base.metadata.create_all(engine); existing tables
         * are never changed), 'validate' that the database matches the models and fail start-up listing the
         * differences, or 'none'. Default: 'validate' when Flyway or Liquibase migrates the database, else 'create'.
         */
        private @Nullable SchemaMode mode;

        /**
         * Create the tables of the model classes that do not exist yet at start-up, like
         * Base.metadata.create_all(engine). Existing tables are never changed. Replaced by alchemy.schema.mode
         * ('false' is 'none').
         */
        private boolean createAll = true;

        /** @return what happens to the schema at start-up, or null for the default */
        public @Nullable SchemaMode getMode() {
            return mode;
        }

        /** @param mode what happens to the schema at start-up, or null for the default */
        public void setMode(@Nullable SchemaMode mode) {
            this.mode = mode;
        }

        /** @return whether missing tables are created at start-up */
        @DeprecatedConfigurationProperty(
                replacement = "alchemy.schema.mode",
                reason = "alchemy.schema.mode says create, validate or none",
                since = "0.1.0")
        @Deprecated(since = "0.1.0")
        public boolean isCreateAll() {
            return createAll;
        }

        /** @param createAll whether missing tables are created at start-up */
        @Deprecated(since = "0.1.0")
        public void setCreateAll(boolean createAll) {
            this.createAll = createAll;
        }
    }

    /** Settings of the sessions behind the shared {@code Session} bean. */
    public static class Session {

        /** Flush pending changes before each query, so that queries see them. */
        private boolean autoflush = true;

        /**
         * Expire every object when a session commits. Sessions bound to Spring transactions end with the
         * transaction, so this matters only for sessions opened from the SessionFactory by hand.
         */
        private boolean expireOnCommit = true;

        /** What the shared Session does when it is used outside a transaction. */
        private NonTransactional nonTransactional = NonTransactional.ALLOW_READS;

        /** @return whether queries flush first */
        public boolean isAutoflush() {
            return autoflush;
        }

        /** @param autoflush whether queries flush first */
        public void setAutoflush(boolean autoflush) {
            this.autoflush = autoflush;
        }

        /** @return whether commits expire objects */
        public boolean isExpireOnCommit() {
            return expireOnCommit;
        }

        /** @param expireOnCommit whether commits expire objects */
        public void setExpireOnCommit(boolean expireOnCommit) {
            this.expireOnCommit = expireOnCommit;
        }

        /** @return what the shared Session does outside a transaction */
        public NonTransactional getNonTransactional() {
            return nonTransactional;
        }

        /** @param nonTransactional what the shared Session does outside a transaction */
        public void setNonTransactional(NonTransactional nonTransactional) {
            this.nonTransactional = nonTransactional;
        }
    }

    /** What the shared {@code Session} does when it is used outside a Spring transaction. */
    public enum NonTransactional {

        /**
         * Reads (get, query, scalars, a SELECT) run in a short session that is closed after the call; writes (add,
         * delete, merge, flush, an INSERT/UPDATE/DELETE) fail and say to use @Transactional.
         */
        ALLOW_READS,

        /** Every call runs in a short session of its own that commits when the call returns. */
        ALLOW,

        /** Every call fails and says to use @Transactional. */
        FAIL
    }
}
