package io.keyward.server.http;

import io.keyward.protocol.WireJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import io.keyward.protocol.ErrorCodes;
import io.keyward.protocol.Problem;
import io.keyward.server.audit.AuditRequests;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpStatus;

/** Writes {@code application/problem+json} bodies and maps bare HTTP statuses to stable codes. */
public final class Problems {
    private Problems() {}

    /** A problem whose title is the status's reason phrase, also for statuses {@link Problem#of} has no title for. */
    static Problem of(int status, String code, String detail) {
        Problem problem = Problem.of(status, code, detail);
        String title = problem.title();
        if (title.equals("Client Error") || title.equals("Server Error")) {
            String reason = HttpStatus.getMessage(status);
            if (reason != null && !reason.isBlank() && !reason.equals(Integer.toString(status))) {
                return new Problem(problem.type(), reason, status, code, detail);
            }
        }
        return problem;
    }

    static void write(Context ctx, Problem problem) {
        AuditRequests.problemCode(ctx, problem.code());
        ctx.status(problem.status());
        ctx.contentType(Problem.MEDIA_TYPE);
        ctx.result(json(problem));
    }

    static byte[] json(Problem problem) {
        try {
            return WireJson.mapper().writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            // A five-field record of strings and an int always serializes; keep a body regardless.
            return ("{\"status\":" + problem.status() + ",\"code\":\"" + ErrorCodes.INTERNAL + "\"}")
                    .getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** The code for a status that arrives without one (from Javalin or Jetty). */
    public static String codeFor(int status) {
        return switch (status) {
            case 401 -> ErrorCodes.UNAUTHORIZED;
            case 403 -> ErrorCodes.FORBIDDEN;
            case 404 -> ErrorCodes.NOT_FOUND;
            case 405 -> ErrorCodes.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCodes.BODY_TOO_LARGE;
            case 415 -> ErrorCodes.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ErrorCodes.RATE_LIMITED;
            case 503 -> ErrorCodes.UNAVAILABLE;
            default -> status >= 500 ? ErrorCodes.INTERNAL : ErrorCodes.BAD_REQUEST;
        };
    }

    /** A fixed human line per status: Javalin's and Jetty's own messages may echo request content. */
    static String detailFor(int status) {
        return switch (status) {
            case 400 -> "the request is malformed";
            case 401 -> "authentication is required";
            case 403 -> "this request is not allowed";
            case 404 -> "no such resource";
            case 405 -> "this resource does not support the request method";
            case 408 -> "the request took too long to arrive";
            case 413 -> "the request body is larger than this server accepts";
            case 414 -> "the request URI is too long";
            case 415 -> "unsupported content type";
            case 431 -> "the request headers are larger than this server accepts";
            case 503 -> "the server is not available";
            default -> status >= 500 ? "internal error" : "the request was refused";
        };
    }
}
