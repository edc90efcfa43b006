package io.keyward.protocol.account;

import java.time.Instant;

/**
 * A session: its id, expiry and kind. Both sides now hold the OPAQUE session key and derive the
 * sealed-channel keys from it; the session key itself never crosses the wire.
 *
 * @param registrationPending true for a registration session: it accepts exactly one request,
 *     {@code POST /v1/account/complete}, then closes
 * @param requestLimit requests this session accepts (null: no limit but expiry)
 */
public record LoginFinishResponse(String sessionId, Instant expiresAt, boolean registrationPending,
                                  Integer requestLimit) {}
