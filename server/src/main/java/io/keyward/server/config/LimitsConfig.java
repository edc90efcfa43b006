package io.keyward.server.config;

/**
 * Request size limits: a key server answers small JSON requests, so anything bigger is refused early.
 *
 * @param maxBodyBytes the largest request body accepted (413 above it)
 * @param maxHeaderBytes the largest request header block accepted (431 above it)
 */
public record LimitsConfig(long maxBodyBytes, int maxHeaderBytes) {}
