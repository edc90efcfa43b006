/** RSA-OAEP-SHA256 and RSASSA-PSS-SHA256 over the JDK provider, proven by the Wycheproof RSA files. */
package io.keyward.crypto.rsa;
