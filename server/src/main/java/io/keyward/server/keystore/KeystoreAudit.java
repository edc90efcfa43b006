package io.keyward.server.keystore;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Appends a keystore request's audit entry last in the transaction that commits its change, after naming
 * the target (known only inside the transaction for a new keystore or key), so that the entry exists
 * exactly when the change does. Operations that change nothing are recorded by the request hook.
 */
@FunctionalInterface
public interface KeystoreAudit {
    KeystoreAudit NONE = (connection, target) -> {};

    void committed(Connection connection, String target) throws SQLException;
}
