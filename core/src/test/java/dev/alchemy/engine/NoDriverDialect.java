package dev.alchemy.engine;

import dev.alchemy.exc.DBAPIError;
import dev.alchemy.exc.OperationalError;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * A dialect whose JDBC driver is on no classpath, registered only in core's test resources, so that the missing
 * driver error is tested although both real drivers are on the test classpath.
 */
public final class NoDriverDialect implements EngineDialect {

    /** Created by the ServiceLoader. */
    public NoDriverDialect() {}

    @Override
    public String name() {
        return "nodriver";
    }

    @Override
    public boolean handlesProduct(String productName) {
        return false;
    }

    @Override
    public ConnectionSpec connectionSpec(URL url, EngineOptions options) {
        return new ConnectionSpec(
                "jdbc:nodriver:x", "com.example.nodriver.Driver", "com.example:nodriver-jdbc", new Properties(), false);
    }

    @Override
    public DBAPIError translate(SQLException error, @Nullable String sql, @Nullable List<?> parameters) {
        return new OperationalError(String.valueOf(error.getMessage()), sql, parameters, error);
    }

    @Override
    public void bind(PreparedStatement statement, int index, @Nullable Object value) throws SQLException {
        statement.setObject(index, value);
    }
}
