/**
 * Sequester: Parsec's armor for encrypting to and signing with offline RSA keys, the key policy
 * for authority and service keys, and the certificates the authority signs (DESIGN.md, "Sequester").
 */
package io.keyward.crypto.sequester;
