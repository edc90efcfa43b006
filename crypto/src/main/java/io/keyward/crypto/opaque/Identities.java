package io.keyward.crypto.opaque;

/**
 * The optional client and server identities bound into the envelope and the 3DH transcript
 * (RFC 9807 section 4.1.1). Where one is null, the RFC's default applies: the client's or the
 * server's public key. Both sides of a registration and of every login must use the same values.
 */
public record Identities(byte[] client, byte[] server) {
    /** No explicit identities: both default to the public keys. */
    public static final Identities NONE = new Identities(null, null);

    public Identities {
        client = check("client identity", client);
        server = check("server identity", server);
    }

    private static byte[] check(String what, byte[] identity) {
        if (identity == null) {
            return null;
        }
        if (identity.length == 0 || identity.length > 0xffff) {
            throw new InvalidMessageException(what + " must be 1 to 65535 bytes");
        }
        return identity.clone();
    }

    @Override
    public byte[] client() {
        return client == null ? null : client.clone();
    }

    @Override
    public byte[] server() {
        return server == null ? null : server.clone();
    }

    /** The identity actually used for the client: the explicit one, else the client's public key. */
    byte[] clientOr(byte[] clientPublicKey) {
        return client != null ? client : clientPublicKey;
    }

    byte[] serverOr(byte[] serverPublicKey) {
        return server != null ? server : serverPublicKey;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Identities other && java.util.Arrays.equals(client, other.client)
                && java.util.Arrays.equals(server, other.server);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(client) + java.util.Arrays.hashCode(server);
    }
}
