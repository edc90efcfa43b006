/**
 * Sessions and the sealed channel (DESIGN.md, "The sealed channel"): sessions live in the database so
 * that any node serves them; {@link io.keyward.server.session.SealedRoutes} opens sealed requests, enforces
 * expiry, idle timeout, request limit and the replay window atomically in the database, and seals the
 * answers; {@link io.keyward.server.session.LoginThrottle} limits failed logins across nodes. Tables:
 * {@code pending_logins}, {@code sessions}, {@code session_seqs}, {@code login_throttles}.
 */
package io.keyward.server.session;
