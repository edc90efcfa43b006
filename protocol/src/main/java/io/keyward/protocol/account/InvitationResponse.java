package io.keyward.protocol.account;

import java.time.Instant;

/**
 * A one-time invitation token ({@code POST /v1/admin/orgs/{org}/invitations} or the sealed
 * {@code POST /v1/org/invitations}); shown once, only its hash is stored.
 */
public record InvitationResponse(String org, String token, Instant expiresAt) {
    @Override
    public String toString() {
        return "InvitationResponse[org=" + org + ", token=redacted, expiresAt=" + expiresAt + "]";
    }
}
