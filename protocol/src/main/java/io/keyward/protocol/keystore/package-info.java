/**
 * Request and answer bodies of the keystores capability ({@code /v1/keystores}, issue 6). Binary values
 * are unpadded base64url; ciphertexts, signatures, MACs and wrapped keys are {@code kw:v<n>:...} versioned
 * values naming the key version that made them.
 */
package io.keyward.protocol.keystore;
