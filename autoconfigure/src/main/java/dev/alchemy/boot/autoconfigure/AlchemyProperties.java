package dev.alchemy.boot.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Alchemy's settings, under the prefix {@code alchemy}.
 *
 * <pre>
 * alchemy.url=sqlite:///data/app.db
 * alchemy.echo=true
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
     * Dialect of the application's database ('sqlite', 'postgresql'). Detected from the DataSource when not set; set
     * it when the JDBC URL does not name the database (a proxy or wrapper driver).
     */
    private @Nullable String dialect;

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

    /** @return the configured dialect name, or null to detect it */
    public @Nullable String getDialect() {
        return dialect;
    }

    /** @param dialect the dialect name, or null to detect it */
    public void setDialect(@Nullable String dialect) {
        this.dialect = dialect;
    }
}
