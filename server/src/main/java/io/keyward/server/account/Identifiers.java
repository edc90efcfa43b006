package io.keyward.server.account;

import io.keyward.protocol.ErrorCodes;
import io.keyward.server.audit.AuditLog;
import io.keyward.server.http.ApiException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * User ids and org names. A user id is 3-128 characters from {@code [A-Za-z0-9._@+-]} (so an e-mail
 * address fits), unique per org regardless of case: it is stored as given and under its lower-case
 * form, which carries the uniqueness. An org name follows the same rules in lower case only.
 */
public final class Identifiers {
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._@+-]{3,128}");
    private static final Pattern ORG = Pattern.compile("[a-z0-9._@+-]{3,128}");

    private Identifiers() {}

    /** The lower-case key of a well-formed user id; 400 {@code invalid_user_id} otherwise. */
    public static String userKey(String userId) {
        if (userId == null || !USER_ID.matcher(userId).matches()) {
            throw new ApiException(400, ErrorCodes.INVALID_USER_ID,
                    "a user id is 3-128 characters from A-Z a-z 0-9 . _ @ + -");
        }
        return userId.toLowerCase(Locale.ROOT);
    }

    /** A well-formed org name; {@value AuditLog#NODE_ORG}, the audit chain of the node itself, is reserved. */
    public static boolean validOrg(String org) {
        return org != null && ORG.matcher(org).matches() && !org.equals(AuditLog.NODE_ORG);
    }

    /** A well-formed org name; 400 {@code invalid_org} otherwise. */
    public static String org(String org) {
        if (!validOrg(org)) {
            throw new ApiException(400, ErrorCodes.INVALID_ORG, "an org name is 3-128 characters from a-z 0-9 . _ @ + -");
        }
        return org;
    }
}
