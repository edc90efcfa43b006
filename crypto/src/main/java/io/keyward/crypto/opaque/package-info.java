/**
 * OPAQUE-3DH, RFC 9807: {@link io.keyward.crypto.opaque.OpaqueClient} and
 * {@link io.keyward.crypto.opaque.OpaqueServer}, the wire messages as records that parse and check
 * themselves ({@code deserialize(suite, bytes)}, {@code serialize()}), and the server-side values
 * Keyward stores: {@link io.keyward.crypto.opaque.ServerSetup},
 * {@link io.keyward.crypto.opaque.RegistrationRecord} and
 * {@link io.keyward.crypto.opaque.ServerLoginState}.
 *
 * <p>A registration: client {@code startRegistration} -> server {@code createRegistrationResponse}
 * -> client {@code finishRegistration} (record and export_key). A login: client {@code startLogin}
 * (KE1) -> server {@code startLogin} (KE2 and state; a null record answers for an unknown user from
 * a fake record) -> client {@code finishLogin} (KE3, session_key, export_key) -> server
 * {@code finishLogin} (session_key). Every failure is an {@link io.keyward.crypto.opaque.OpaqueException}.
 */
package io.keyward.crypto.opaque;
