package dev.alchemy.boot.autoconfigure;

import javax.sql.DataSource;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * The application's DataSource with a read replica beside it: Spring Framework's
 * {@link LazyConnectionDataSourceProxy}, whose connections reach a database only at their first statement, by then
 * knowing whether the transaction manager made them read-only. A read-only one takes a connection from the replica,
 * every other one from the primary, the DataSource it replaced.
 *
 * <p>It stands in the primary's bean, so closing the context closes the primary's pool through {@link #close()}.
 */
final class ReplicaRoutingDataSource extends LazyConnectionDataSourceProxy implements AutoCloseable {

    private final DataSource primary;
    private final DataSource replica;

    ReplicaRoutingDataSource(DataSource primary, DataSource replica) {
        super(primary);
        this.primary = primary;
        this.replica = replica;
        setReadOnlyDataSource(replica);
    }

    /** @return where read-write connections come from */
    DataSource primary() {
        return primary;
    }

    /** @return where read-only connections come from */
    DataSource replica() {
        return replica;
    }

    /** Closes the primary's pool (the bean this one replaced); the replica is a bean of its own. */
    @Override
    public void close() throws Exception {
        if (primary instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @Override
    public String toString() {
        return "ReplicaRoutingDataSource(primary=" + primary + ", replica=" + replica + ")";
    }
}
