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
