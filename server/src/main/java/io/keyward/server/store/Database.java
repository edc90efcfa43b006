package io.keyward.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The node's database: SQLite (embedded default) or PostgreSQL (scale-out), migrated by Flyway.
 * Every write that must be atomic runs inside {@link #inTransaction}.
 */
public interface Database extends AutoCloseable {
    enum Kind { SQLITE, POSTGRES }

    Kind kind();

    DataSource dataSource();

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws.
     * SQL errors reach the caller as {@link StoreException}.
     */
    <T> T inTransaction(Work<T> work);

    /** True when a trivial query succeeds now; backs {@code GET /v1/ready}. */
    boolean isUsable();

    @Override
    void close();

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }
}
