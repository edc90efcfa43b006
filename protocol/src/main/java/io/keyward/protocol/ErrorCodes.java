package io.keyward.protocol;

/**
 * The stable machine codes carried in {@link Problem#code()}. Clients switch on these; once
 * published a code keeps its meaning. Capabilities add theirs here so the full set reads in one place.
 */
public final class ErrorCodes {
    private ErrorCodes() {}

    public static final String BAD_REQUEST = "bad_request";
    public static final String MALFORMED_JSON = "malformed_json";
    public static final String INVALID_FIELD = "invalid_field";
    public static final String BODY_TOO_LARGE = "body_too_large";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";
    public static final String NOT_FOUND = "not_found";
    public static final String METHOD_NOT_ALLOWED = "method_not_allowed";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String FORBIDDEN = "forbidden";
    public static final String RATE_LIMITED = "rate_limited";
    public static final String UNAVAILABLE = "unavailable";
    public static final String INTERNAL = "internal_error";

    // Organizations and accounts (issue 4)
    public static final String ORG_NOT_FOUND = "org_not_found";
    public static final String ORG_EXISTS = "org_exists";
    public static final String INVALID_ORG = "invalid_org";
    public static final String INVALID_USER_ID = "invalid_user_id";
    public static final String USER_EXISTS = "user_exists";
    /** The org registers by invitation and the request carried no token. */
    public static final String INVITATION_REQUIRED = "invitation_required";
    /** The invitation or bootstrap token is unknown, used, expired or for another org. */
    public static final String TOKEN_INVALID = "token_invalid";
    /** The org is not bootstrapped yet: only its bootstrap token registers. */
    public static final String BOOTSTRAP_REQUIRED = "bootstrap_required";
    /** The sequester authority key is not an RSA SPKI PEM of at least 2048 bits. */
    public static final String SEQUESTER_KEY_INVALID = "sequester_key_invalid";
    /** A sequester authority key outside the bootstrap registration: it can be named then and only then. */
    public static final String SEQUESTER_KEY_NOT_ALLOWED = "sequester_key_not_allowed";
    public static final String INVALID_BASE64 = "invalid_base64";
    public static final String INVALID_LENGTH = "invalid_length";
    /** An OPAQUE message carries a group element that does not decode or is the identity. */
    public static final String INVALID_ELEMENT = "invalid_element";
    /** Wrong password, unknown user, or a KE3 that does not verify: deliberately one code for all. */
    public static final String LOGIN_FAILED = "login_failed";
    /** The login id is unknown, expired or already finished (a KE3 sent twice). */
    public static final String LOGIN_INVALID = "login_invalid";
    public static final String ACCOUNT_PENDING = "account_pending";
    public static final String ACCOUNT_ALREADY_COMPLETE = "account_already_complete";

    // The sealed channel (issue 4)
    public static final String SESSION_INVALID = "session_invalid";
    public static final String SESSION_EXPIRED = "session_expired";
    public static final String SEQ_INVALID = "seq_invalid";
    public static final String SEQ_REPLAYED = "seq_replayed";
    public static final String SEAL_INVALID = "seal_invalid";
    public static final String REQUEST_LIMIT_REACHED = "request_limit_reached";
    /** A registration session accepts only {@code POST /v1/account/complete}. */
    public static final String REGISTRATION_SESSION = "registration_session";

    // secret storage (docs/secrets.md)
    /** A put or delete named a version that is no longer the current one. */
    public static final String VERSION_CONFLICT = "version_conflict";
    public static final String SECRET_NOT_FOUND = "secret_not_found";
    public static final String SECRET_KEY_NOT_FOUND = "secret_key_not_found";
    /** A secret-storage key that some current item is encrypted under only. */
    public static final String SECRET_KEY_IN_USE = "secret_key_in_use";
    /** A configured limit (item size, item count) would be exceeded. */
    public static final String SECRET_LIMIT = "secret_limit";
    /** Recovery: the account is unknown or has no recovery verifier. */
    public static final String RECOVERY_UNAVAILABLE = "recovery_unavailable";
    /** Recovery: the recovery id is unknown, used or expired. */
    public static final String RECOVERY_INVALID = "recovery_invalid";
    /** Recovery: the proof of the recovery key does not verify. */
    public static final String RECOVERY_FAILED = "recovery_failed";

    // Keystores and working keys (issue 6).
    public static final String KEYSTORE_NOT_FOUND = "keystore_not_found";
    /** The keystore exists but belongs to another user who granted the caller nothing for this. */
    public static final String KEYSTORE_FORBIDDEN = "keystore_forbidden";
    public static final String KEYSTORE_NOT_EMPTY = "keystore_not_empty";
    public static final String LOCK_MODE_UNSUPPORTED = "lock_mode_unsupported";
    public static final String KEY_NOT_FOUND = "key_not_found";
    public static final String KEY_EXISTS = "key_exists";
    public static final String KEY_DISABLED = "key_disabled";
    /** A concurrent change (e.g. two rotations at once) won; retrying is safe. */
    public static final String KEY_CHANGED = "key_changed";
    public static final String KEY_TYPE_UNKNOWN = "key_type_unknown";
    /** The key's type does not offer the operation (e.g. sign with an AES key). */
    public static final String OPERATION_NOT_SUPPORTED = "operation_not_supported";
    public static final String OPERATION_UNKNOWN = "operation_unknown";
    /** A delegate asked for an operation its grant does not give (or the grant expired). */
    public static final String OPERATION_NOT_GRANTED = "operation_not_granted";
    /** Only the keystore's controller may do this (manage keys, grant, delete). */
    public static final String CONTROLLER_ONLY = "controller_only";
    /** The value names a version below the key's minimum decryption version. */
    public static final String KEY_VERSION_RETIRED = "key_version_retired";
    public static final String KEY_VERSION_UNKNOWN = "key_version_unknown";
    /** Not a {@code kw:v<n>:<base64url>} value. */
    public static final String VERSIONED_VALUE_INVALID = "versioned_value_invalid";
    public static final String DECRYPTION_FAILED = "decryption_failed";
    public static final String SIGNATURE_INVALID = "signature_invalid";
    public static final String MAC_INVALID = "mac_invalid";
    public static final String KEY_IMPORT_INVALID = "key_import_invalid";
    /** The imported key is of another type than the one declared. */
    public static final String KEY_IMPORT_TYPE_MISMATCH = "key_import_type_mismatch";
    public static final String JWK_INVALID = "jwk_invalid";
    /** A public key or wrapped key that does not fit this key (type, mode). */
    public static final String KEY_MISMATCH = "key_mismatch";
    public static final String CRYPTO_INPUT_INVALID = "crypto_input_invalid";
    public static final String GRANT_NOT_FOUND = "grant_not_found";
    public static final String GRANTEE_UNKNOWN = "grantee_unknown";

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Server Error" : "Client Error";
        };
    }
}
