/** Key encapsulation: ML-KEM-768 (FIPS 203). */
package io.keyward.crypto.kem;
