/**
 * The keystores capability (issue 6, DESIGN.md "Key hierarchy"): keystores whose lock key is wrapped by
 * the root lock, working keys sealed under their keystore's lock, key operations, delegation grants, and
 * the sealed routes under {@code /v1/keystores}. Unwrapped lock keys and working keys live in a bounded
 * time-to-live cache ({@link io.keyward.server.keystore.TtlCache}), so the root lock is asked once per
 * keystore per time-to-live, not once per operation. Key state (enabled, versions, grants) is read from the
 * database on every request, so every node of a cluster sees a disable or a retirement at once.
 */
package io.keyward.server.keystore;
