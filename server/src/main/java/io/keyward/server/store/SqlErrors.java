package io.keyward.server.store;

import io.keyward.server.store.StoreException.Reason;
import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Turns a driver's SQLException into a one-line {@link StoreException} that names the failure
 * without quoting row contents.
 *
 * <p>SQLite's error messages name tables, columns and SQL text but never bound values, so they are
 * kept. PostgreSQL's detail field quotes the failing row ("Key (name)=(...) already exists"); it
 * is switched off at the driver ({@code logServerErrorDetail=false}) and never read here. Its
 * primary message is kept except for data exceptions (SQLSTATE class 22, e.g. "invalid input
 * syntax for type uuid: <value>") and PL/pgSQL raises (class P0), which may quote a value.
 */
final class SqlErrors {
    private static final int MAX_DETAIL = 300;

    private SqlErrors() {}

    static StoreException translate(String operation, SQLException e) {
        Reason reason;
        String detail;
        if (e instanceof SQLiteException sqlite) {
            SQLiteErrorCode code = sqlite.getResultCode();
            reason = sqliteReason(code);
            String message = sqliteMessage(sqlite);
            detail = code.name() + (message.isEmpty() ? "" : ": " + message);
        } else {
            String state = e.getSQLState();
            reason = sqlStateReason(state);
            detail = "SQLSTATE " + (state == null ? "unknown" : state);
            if (state != null && !state.startsWith("22") && !state.startsWith("P0")) {
                String message = e instanceof PSQLException p && p.getServerErrorMessage() != null
                        ? serverMessage(p.getServerErrorMessage())
                        : e.getMessage();
                if (message != null && !message.isBlank()) {
                    detail += ": " + firstLine(message);
                }
            }
        }
        return new StoreException(operation + " failed: " + describe(reason) + " (" + detail + ")", reason);
    }

    private static String describe(Reason reason) {
        return switch (reason) {
            case DUPLICATE_KEY -> "duplicate key";
            case CONSTRAINT -> "constraint violated";
            case CONFLICT -> "concurrent transaction conflict";
            case UNAVAILABLE -> "database unavailable";
            case OTHER -> "database error";
        };
    }

    private static Reason sqliteReason(SQLiteErrorCode code) {
        String name = code.name();
        if (name.equals("SQLITE_CONSTRAINT_PRIMARYKEY") || name.equals("SQLITE_CONSTRAINT_UNIQUE")) {
            return Reason.DUPLICATE_KEY;
        }
        if (name.startsWith("SQLITE_CONSTRAINT")) {
            return Reason.CONSTRAINT;
        }
        if (name.startsWith("SQLITE_BUSY") || name.startsWith("SQLITE_LOCKED")) {
            return Reason.CONFLICT;
        }
        if (name.startsWith("SQLITE_IOERR") || name.startsWith("SQLITE_CANTOPEN") || name.startsWith("SQLITE_FULL")
                || name.startsWith("SQLITE_READONLY") || name.startsWith("SQLITE_CORRUPT")
                || name.startsWith("SQLITE_NOTADB")) {
            return Reason.UNAVAILABLE;
        }
        return Reason.OTHER;
    }

    private static Reason sqlStateReason(String state) {
        if (state == null) {
            return Reason.OTHER;
        }
        if (state.equals("23505")) {
            return Reason.DUPLICATE_KEY;
        }
        if (state.startsWith("23")) {
            return Reason.CONSTRAINT;
        }
        if (state.equals("40001") || state.equals("40P01") || state.equals("55P03")) {
            return Reason.CONFLICT;
        }
        if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")) {
            return Reason.UNAVAILABLE;
        }
        return Reason.OTHER;
    }

    /** sqlite-jdbc formats "[CODE] description (sqlite3_errmsg)"; the errmsg is the useful part. */
    private static String sqliteMessage(SQLiteException e) {
        String message = e.getMessage() == null ? "" : firstLine(e.getMessage());
        int open = message.indexOf('(');
        int close = message.lastIndexOf(')');
        return open >= 0 && close > open ? message.substring(open + 1, close) : "";
    }

    private static String serverMessage(ServerErrorMessage message) {
        String text = message.getMessage() == null ? "" : message.getMessage();
        return message.getTable() == null ? text : text + " on table " + message.getTable();
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > MAX_DETAIL ? line.substring(0, MAX_DETAIL) + "..." : line;
    }
}
