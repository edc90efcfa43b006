/** Message authentication codes: HMAC-SHA256 with constant-time verification. */
package io.keyward.crypto.mac;
