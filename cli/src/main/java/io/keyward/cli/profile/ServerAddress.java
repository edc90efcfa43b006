package io.keyward.cli.profile;

import io.keyward.cli.CliException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A server's base URL, {@code https://host[:port]}, in one canonical form so that a pin recorded
 * for {@code https://127.0.0.1:8443/} is found again for {@code https://127.0.0.1:8443}.
 *
 * @param host lower case; an IPv6 literal without brackets
 */
public record ServerAddress(String host, int port) {
    public static final String DEFAULT = "https://127.0.0.1:8443";

    /**
     * @throws CliException for anything but an {@code https} URL with a host and no path, query or credentials
     */
    public static ServerAddress parse(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new CliException("invalid_input: --server is not a URL: " + e.getReason());
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw new CliException("invalid_input: --server must be an https:// URL (Keyward speaks TLS 1.3 only), got " + url.strip());
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new CliException("invalid_input: --server must be https://HOST[:PORT], got " + url.strip());
        }
        if ((uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new CliException("invalid_input: --server must be https://HOST[:PORT] without a path or query, got " + url.strip());
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new ServerAddress(host, uri.getPort() == -1 ? 443 : uri.getPort());
    }

    /** {@code https://host:port}, the key under which the profile pins this server's certificate. */
    public String origin() {
        return "https://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    public URI uri() {
        return URI.create(origin());
    }

    /**
     * True for {@code localhost} and the literal addresses 127.0.0.0/8 and ::1: a server that only this
     * machine can answer for, so trusting its certificate on first use cannot let a network attacker in.
     * Names other than {@code localhost} are never resolved here: DNS would decide trust otherwise.
     */
    public boolean isLoopback() {
        if (host.equals("localhost")) {
            return true;
        }
        if (!isIpLiteral(host)) {
            return false;
        }
        try {
            return InetAddress.ofLiteral(host).isLoopbackAddress();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isIpLiteral(String host) {
        return host.contains(":") || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }

    @Override
    public String toString() {
        return origin();
    }
}
