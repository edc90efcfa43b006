/** Keys in the PEM (and DER) forms OpenSSL reads and writes, with passphrase-encrypted private keys. */
package io.keyward.crypto.pem;
