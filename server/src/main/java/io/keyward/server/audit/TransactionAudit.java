package io.keyward.server.audit;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Appends a request's audit entry inside the transaction that commits its action, so that the entry
 * exists exactly when the action does. Services that commit take one from their route
 * ({@link AuditLog#forRequest}) and call it last in the transaction; {@link #NONE} for callers outside
 * a request.
 */
@FunctionalInterface
public interface TransactionAudit {
    TransactionAudit NONE = (connection, outcome, code) -> {};

    void append(Connection connection, Outcome outcome, String code) throws SQLException;

    /** The action succeeded and commits. */
    default void success(Connection connection) throws SQLException {
        append(connection, Outcome.SUCCESS, null);
    }
}
