package io.keyward.server.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * A {@link Database} over a HikariCP pool, for both SQLite and PostgreSQL.
 *
 * <p><b>SQLite's single writer.</b> SQLite allows one write transaction at a time. A deferred
 * transaction that reads first and then writes cannot wait for the write lock in WAL mode: it fails
 * at once with SQLITE_BUSY. So on SQLite every {@link #inTransaction} transaction starts with
 * {@code BEGIN IMMEDIATE} (the driver's {@code transaction_mode}), which takes the write lock up
 * front and waits for it under the busy timeout; and transactions of this process queue first on a
 * fair in-process lock, so they wait in order on a lock rather than in SQLite's sleep-and-retry
 * busy handler. The busy timeout still covers another process (a second node, the sqlite3 shell).
 * Reads outside a transaction ({@link #dataSource()} in auto-commit) run concurrently with the writer.
 *
 * <p><b>Nesting.</b> A call to {@link #inTransaction} from inside another one on the same thread joins
 * the outer transaction under a savepoint: when the inner work throws, only its writes are undone
 * and the exception reaches the outer work; the outer commit or rollback decides for all.
 * Work must use only the connection it is given; taking another connection from
 * {@link #dataSource()} inside a transaction and writing with it waits for the transaction itself
 * on SQLite (and fails after the busy timeout).
 */
final class JdbcDatabase implements Database {
    /** How long a SQLite transaction waits for the in-process write lock before failing. */
    static final long WRITE_LOCK_TIMEOUT_SECONDS = 30;

    private final Kind kind;
    private final HikariDataSource dataSource;
    private final ReentrantLock writeLock;
    private final ThreadLocal<Connection> currentTransaction = new ThreadLocal<>();

    JdbcDatabase(Kind kind, HikariDataSource dataSource) {
        this.kind = kind;
        this.dataSource = dataSource;
        this.writeLock = kind == Kind.SQLITE ? new ReentrantLock(true) : null;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public <T> T inTransaction(Work<T> work) {
        Objects.requireNonNull(work, "work");
        Connection joined = currentTransaction.get();
        if (joined != null) {
            return nested(joined, work);
        }
        if (writeLock == null) {
            return outermost(work);
        }
        acquireWriteLock();
        try {
            return outermost(work);
        } finally {
            writeLock.unlock();
        }
    }

    private void acquireWriteLock() {
        try {
            if (!writeLock.tryLock(WRITE_LOCK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new StoreException("database transaction failed: timed out after "
                        + WRITE_LOCK_TIMEOUT_SECONDS + " s waiting for the SQLite writer",
                        StoreException.Reason.CONFLICT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("database transaction failed: interrupted while waiting for the SQLite writer",
                    StoreException.Reason.CONFLICT);
        }
    }

    private <T> T outermost(Work<T> work) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw SqlErrors.translate("database transaction", e);
        }
        // True once the transaction is known to be committed or rolled back.
        boolean ended = false;
        try {
            try {
                connection.setAutoCommit(false);
            } catch (SQLException e) {
                throw SqlErrors.translate("database transaction begin", e);
            }
            currentTransaction.set(connection);
            T result;
            try {
                result = work.run(connection);
            } catch (SQLException e) {
                StoreException failure = SqlErrors.translate("database transaction", e);
                ended = rollback(connection, failure);
                throw failure;
            } catch (RuntimeException | Error e) {
                ended = rollback(connection, e);
                throw e;
            } finally {
                currentTransaction.remove();
            }
            try {
                connection.commit();
            } catch (SQLException e) {
                StoreException failure = SqlErrors.translate("database transaction commit", e);
                ended = rollback(connection, failure);
                throw failure;
            }
            ended = true;
            return result;
        } finally {
            release(connection, ended);
        }
    }

    private static <T> T nested(Connection connection, Work<T> work) {
        Savepoint savepoint;
        try {
            savepoint = connection.setSavepoint();
        } catch (SQLException e) {
            throw SqlErrors.translate("nested database transaction", e);
        }
        try {
            T result = work.run(connection);
            connection.releaseSavepoint(savepoint);
            return result;
        } catch (SQLException e) {
            StoreException failure = SqlErrors.translate("nested database transaction", e);
            rollbackTo(connection, savepoint, failure);
            throw failure;
        } catch (RuntimeException | Error e) {
            rollbackTo(connection, savepoint, e);
            throw e;
        }
    }

    private static boolean rollback(Connection connection, Throwable failure) {
        try {
            connection.rollback();
            return true;
        } catch (SQLException e) {
            failure.addSuppressed(SqlErrors.translate("database rollback", e));
            return false;
        }
    }

    private static void rollbackTo(Connection connection, Savepoint savepoint, Throwable failure) {
        try {
            connection.rollback(savepoint);
            connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            failure.addSuppressed(SqlErrors.translate("database rollback to savepoint", e));
        }
    }

    /**
     * Returns the connection to the pool in auto-commit mode, before the write lock is released: the
     * SQLite driver begins the next transaction right after commit or rollback, and switching to
     * auto-commit ends it. Switching commits whatever is open, so a connection whose transaction
     * could not be rolled back is evicted instead (closing it discards the transaction).
     */
    private void release(Connection connection, boolean ended) {
        if (ended) {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException | RuntimeException e) {
                ended = false;
            }
        }
        if (!ended) {
            dataSource.evictConnection(connection);
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // The pool has already dropped a connection it could not take back.
        }
    }

    @Override
    public boolean isUsable() {
        if (dataSource.isClosed()) {
            return false;
        }
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(5);
            try (ResultSet rows = statement.executeQuery("SELECT 1")) {
                return rows.next() && rows.getInt(1) == 1;
            }
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    @Override
    public String toString() {
        return "Database[" + kind + ", pool " + dataSource.getPoolName() + "]";
    }
}
