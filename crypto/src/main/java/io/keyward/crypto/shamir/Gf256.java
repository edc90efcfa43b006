package io.keyward.crypto.shamir;

/**
 * Arithmetic in GF(2^8) with the AES reduction polynomial x^8 + x^4 + x^3 + x + 1 (0x11b), the
 * field HashiCorp Vault's {@code shamir} package works in (its log/exp tables use generator 0xe5
 * over that polynomial).
 *
 * <p>Vault looks products up in log/exp tables, whose memory access pattern depends on the share
 * bytes; here every operation runs the same instructions whatever its operands, so the time taken
 * says nothing about the secret.
 */
final class Gf256 {
    private Gf256() {}

    static int add(int a, int b) {
        return a ^ b;
    }

    /** Shift-and-add multiplication with masks instead of branches (constant time). */
    static int mul(int a, int b) {
        int product = 0;
        for (int i = 0; i < 8; i++) {
            product ^= -((b >>> i) & 1) & a;
            // a := a * x, reduced by 0x11b when the top bit falls out
            a = ((a << 1) ^ (-((a >>> 7) & 1) & 0x11b)) & 0xff;
        }
        return product & 0xff;
    }

    /** The multiplicative inverse a^254 (a^255 = 1); maps 0 to 0, which callers must rule out. */
    static int inv(int a) {
        // 254 = 0b11111110: a fixed addition chain, so no branch on the operand
        int a2 = mul(a, a);
        int a3 = mul(a2, a);
        int a6 = mul(a3, a3);
        int a12 = mul(a6, a6);
        int a15 = mul(a12, a3);
        int a30 = mul(a15, a15);
        int a60 = mul(a30, a30);
        int a63 = mul(a60, a3);
        int a126 = mul(a63, a63);
        int a127 = mul(a126, a);
        return mul(a127, a127);
    }

    static int div(int a, int b) {
        if (b == 0) {
            throw new ArithmeticException("division by zero in GF(2^8)");
        }
        return mul(a, inv(b));
    }
}
