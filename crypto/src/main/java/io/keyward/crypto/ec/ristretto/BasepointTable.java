package io.keyward.crypto.ec.ristretto;

/**
 * Fixed-base multiplication of the ristretto255 generator: for each of the 64 radix-16 digit
 * positions i, the multiples j * 16^i * B (j = 0..15) in cached form, so [s]B is 64 additions and
 * no doublings. Each lookup reads all 16 entries of its row with masked moves. Built on first use
 * (about a thousand point additions, a few milliseconds; 64 * 16 * 40 ints, about 160 KiB).
 */
final class BasepointTable {
    private BasepointTable() {}

    private static final ExtendedPoint.Cached[][] ROWS = build();

    private static ExtendedPoint.Cached[][] build() {
        ExtendedPoint.Cached[][] rows = new ExtendedPoint.Cached[64][16];
        ExtendedPoint.Cached identity = ExtendedPoint.Cached.of(new ExtendedPoint().setIdentity());
        RistrettoPoint b = RistrettoPoint.BASEPOINT;
        ExtendedPoint base = new ExtendedPoint();       // 16^i * B
        b.copyInto(base);
        ExtendedPoint multiple = new ExtendedPoint();
        for (int i = 0; i < 64; i++) {
            ExtendedPoint.Cached[] row = rows[i];
            row[0] = identity;
            row[1] = ExtendedPoint.Cached.of(base);
            multiple.set(base.x, base.y, base.z, base.t);
            for (int j = 2; j < 16; j++) {
                multiple.add(row[1]);
                row[j] = ExtendedPoint.Cached.of(multiple);
            }
            for (int k = 0; k < 4; k++) {
                base.twice(k == 3);
            }
        }
        return rows;
    }

    static ExtendedPoint multiply(Scalar25519 s) {
        ExtendedPoint acc = new ExtendedPoint().setIdentity();
        ExtendedPoint.Cached addend = new ExtendedPoint.Cached();
        for (int i = 0; i < 64; i++) {
            ExtendedPoint.Cached.select(ROWS[i], s.nibble(i), addend);
            acc.add(addend);
        }
        return acc;
    }
}
