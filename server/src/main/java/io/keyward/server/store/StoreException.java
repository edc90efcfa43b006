package io.keyward.server.store;

/**
 * Storage failed. Carries no row contents (they may be secret-bearing): a failure inside a
 * transaction is described by its SQL state or SQLite result code and schema names only, and the
 * driver's exception is not attached, because loggers print causes and some driver messages quote
 * the values of the failing row.
 */
public class StoreException extends RuntimeException {
    /** What kind of failure, so that a capability can map it without reading messages. */
    public enum Reason {
        /** A unique or primary-key constraint refused the row (e.g. a name that already exists). */
        DUPLICATE_KEY,
        /** Another integrity constraint (foreign key, not null, check) refused the row. */
        CONSTRAINT,
        /** A concurrent transaction won: serialization failure, deadlock, or the database stayed busy. */
        CONFLICT,
        /** The database cannot be reached or cannot write (connection, disk, pool exhausted). */
        UNAVAILABLE,
        OTHER
    }

    private final Reason reason;

    public StoreException(String message) {
        this(message, Reason.OTHER);
    }

    public StoreException(String message, Reason reason) {
        super(message);
        this.reason = reason;
    }

    /** For failures that involve no row contents (opening, migrating), where the cause helps the operator. */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
        this.reason = Reason.OTHER;
    }

    public Reason reason() {
        return reason;
    }
}
