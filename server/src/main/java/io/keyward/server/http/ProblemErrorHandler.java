package io.keyward.server.http;

import io.keyward.protocol.Problem;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error responses (a request rejected before it reaches a route: oversized headers or body,
 * unparseable HTTP) as {@code application/problem+json} with a request id, instead of Jetty's HTML page,
 * and counted in the access log and metrics like any other request.
 */
final class ProblemErrorHandler extends ErrorHandler {
    private final HttpMetrics metrics;

    ProblemErrorHandler(HttpMetrics metrics) {
        this.metrics = metrics;
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        String id = RequestIds.next();
        Problem problem = Problems.of(code, Problems.codeFor(code), Problems.detailFor(code));
        response.getHeaders().put(RequestIds.HEADER, id);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        long nanos = System.nanoTime() - request.getBeginNanoTime();
        AccessLog.log(request.getMethod(), HttpMetrics.UNMATCHED, code, nanos, id, Request.getRemoteAddr(request));
        metrics.record(request.getMethod(), HttpMetrics.UNMATCHED, code, nanos);
        response.write(true, ByteBuffer.wrap(Problems.json(problem)), callback);
    }

    /** Used for HTTP/1 messages so broken that no request object exists (e.g. headers too large). */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        String id = RequestIds.next();
        fields.put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        fields.put(RequestIds.HEADER, id);
        AccessLog.log("-", HttpMetrics.UNMATCHED, status, 0, id, "-");
        metrics.record("-", HttpMetrics.UNMATCHED, status, 0);
        return ByteBuffer.wrap(Problems.json(Problems.of(status, Problems.codeFor(status), Problems.detailFor(status))));
    }
}
