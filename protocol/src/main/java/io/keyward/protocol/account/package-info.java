/**
 * Wire records of organizations, registration, login, sessions and account management
 * (DESIGN.md, "Accounts and sessions"). Binary values are unpadded base64url strings; OPAQUE
 * messages are the raw RFC 9807 bytes so any RFC 9807 client interoperates. Field names are
 * {@code snake_case} on the wire ({@link io.keyward.protocol.WireJson}).
 */
package io.keyward.protocol.account;
