package io.keyward.protocol.account;

/**
 * {@code GET /v1/orgs/{org}}: what a client needs before registering or logging in.
 *
 * @param suite {@code ristretto255-sha512} or {@code p256-sha256}
 * @param serverPublicKey the org's OPAQUE server public key (base64url), which clients may pin
 * @param ksf the key-stretching function clients must apply, as {@code KeyStretching.describe()} writes it
 *     (e.g. {@code argon2id(m=65536,t=3,p=4)})
 * @param context the OPAQUE context string (base64url, empty by default)
 * @param registration {@code open} or {@code invitation}
 * @param bootstrapped false until the org's first user has registered with the bootstrap token
 */
public record OrgInfo(String org, String suite, String serverPublicKey, String ksf, String context, String registration,
                      boolean bootstrapped) {}
