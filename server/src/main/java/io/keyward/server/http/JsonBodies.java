package io.keyward.server.http;

import io.keyward.protocol.WireJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import io.keyward.protocol.ErrorCodes;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * Reads a JSON request body into a record, turning every parsing problem into a 400 problem that says
 * what was wrong (malformed JSON, unknown field, wrong type) without echoing the body.
 */
public final class JsonBodies {
    private JsonBodies() {}

    public static <T> T read(Context ctx, Class<T> type) {
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
            throw new ApiException(415, ErrorCodes.UNSUPPORTED_MEDIA_TYPE, "the request body must be application/json");
        }
        return read(ctx.bodyAsBytes(), type); // bounded by server.limits.max_body_bytes
    }

    /** Reads JSON that arrived some other way (e.g. opened from a sealed body), with the same 400 problems. */
    public static <T> T read(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw new ApiException(400, ErrorCodes.MALFORMED_JSON, "the request body is empty; a JSON object is required");
        }
        try {
            T value = WireJson.mapper().readValue(body, type);
            if (value == null) {
                throw new ApiException(400, ErrorCodes.MALFORMED_JSON, "the request body must be a JSON object, not null");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new ApiException(400, ErrorCodes.INVALID_FIELD, "unknown field " + field(e));
        } catch (InvalidFormatException e) {
            throw new ApiException(400, ErrorCodes.INVALID_FIELD, "field " + field(e) + " has the wrong type or format");
        } catch (MismatchedInputException e) {
            String field = field(e);
            throw new ApiException(400, field.isEmpty() ? ErrorCodes.MALFORMED_JSON : ErrorCodes.INVALID_FIELD,
                    field.isEmpty() ? "the request body does not have the expected JSON shape"
                            : "field " + field + " is missing or has the wrong type");
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ApiException(400, ErrorCodes.MALFORMED_JSON, "the request body is not valid JSON" + where);
        } catch (IOException e) {
            throw new ApiException(400, ErrorCodes.MALFORMED_JSON, "the request body could not be read");
        }
    }

    /** The JSON path of the offending field, e.g. {@code user_id} or {@code keys[2].id}. */
    private static String field(MismatchedInputException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
