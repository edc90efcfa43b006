package io.keyward.crypto.ec.ristretto;

import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * A mutable edwards25519 point (X:Y:Z:T), x = X/Z, y = Y/Z, xy = T/Z, with its own scratch space,
 * so the hot loops of scalar multiplication allocate nothing. Not thread-safe; never escapes
 * {@link RistrettoPoint}, which stays immutable.
 *
 * <p>Formulas are Hisil-Wong-Carter-Dawson 2008 for a = -1: "add-2008-hwcd-3" (complete: valid for
 * every pair of inputs, doubling and the identity included, because -1 is a square and d is not)
 * and "dbl-2008-hwcd". Sums of more than two products are carried before they are multiplied.
 */
final class ExtendedPoint {
    final int[] x = X25519Field.create();
    final int[] y = X25519Field.create();
    final int[] z = X25519Field.create();
    final int[] t = X25519Field.create();

    private final int[] a = X25519Field.create();
    private final int[] b = X25519Field.create();
    private final int[] c = X25519Field.create();
    private final int[] d = X25519Field.create();
    private final int[] e = X25519Field.create();
    private final int[] f = X25519Field.create();
    private final int[] g = X25519Field.create();
    private final int[] h = X25519Field.create();

    ExtendedPoint setIdentity() {
        X25519Field.zero(x);
        X25519Field.one(y);
        X25519Field.one(z);
        X25519Field.zero(t);
        return this;
    }

    ExtendedPoint set(int[] px, int[] py, int[] pz, int[] pt) {
        X25519Field.copy(px, 0, x, 0);
        X25519Field.copy(py, 0, y, 0);
        X25519Field.copy(pz, 0, z, 0);
        X25519Field.copy(pt, 0, t, 0);
        return this;
    }

    /**
     * this = 2 * this. T is only needed by a following addition, so a run of doublings can skip
     * it ({@code withT = false}) on all but the last.
     */
    void twice(boolean withT) {
        X25519Field.sqr(x, a);
        X25519Field.sqr(y, b);
        X25519Field.sqr(z, c);
        X25519Field.add(c, c, c);
        X25519Field.apm(a, b, h, g);     // h = A + B, g = A - B (= -G)
        X25519Field.add(x, y, e);
        X25519Field.sqr(e, e);
        X25519Field.sub(h, e, e);        // e = -E
        X25519Field.carry(e);
        X25519Field.add(c, g, f);        // f = -F
        X25519Field.carry(f);
        X25519Field.mul(e, f, x);
        X25519Field.mul(g, h, y);
        X25519Field.mul(f, g, z);
        if (withT) {
            X25519Field.mul(e, h, t);
        }
    }

    /** this = this + q. */
    void add(Cached q) {
        X25519Field.sub(y, x, a);
        X25519Field.mul(a, q.yMinusX, a);
        X25519Field.add(y, x, b);
        X25519Field.mul(b, q.yPlusX, b);
        X25519Field.mul(t, q.t2d, c);
        X25519Field.mul(z, q.z2, d);
        X25519Field.apm(b, a, h, e);     // h = B + A, e = B - A
        X25519Field.apm(d, c, g, f);     // g = D + C, f = D - C
        X25519Field.mul(e, f, x);
        X25519Field.mul(g, h, y);
        X25519Field.mul(f, g, z);
        X25519Field.mul(e, h, t);
    }

    /** A point prepared as an addend: (Y+X, Y-X, 2d*T, 2Z). */
    static final class Cached {
        final int[] yPlusX = X25519Field.create();
        final int[] yMinusX = X25519Field.create();
        final int[] t2d = X25519Field.create();
        final int[] z2 = X25519Field.create();

        static Cached of(int[] px, int[] py, int[] pz, int[] pt) {
            Cached q = new Cached();
            X25519Field.apm(py, px, q.yPlusX, q.yMinusX);
            X25519Field.carry(q.yPlusX);
            X25519Field.carry(q.yMinusX);
            X25519Field.mul(pt, Field25519.D2, q.t2d);
            X25519Field.add(pz, pz, q.z2);
            X25519Field.carry(q.z2);
            return q;
        }

        static Cached of(ExtendedPoint p) {
            return of(p.x, p.y, p.z, p.t);
        }

        /**
         * out = table[index], reading every entry and keeping one by masked moves, so neither the
         * branch pattern nor the memory access pattern depends on the (secret) index.
         */
        static void select(Cached[] table, int index, Cached out) {
            X25519Field.zero(out.yPlusX);
            X25519Field.zero(out.yMinusX);
            X25519Field.zero(out.t2d);
            X25519Field.zero(out.z2);
            for (int i = 0; i < table.length; i++) {
                int mask = ((i ^ index) - 1) >> 31; // -1 exactly when i == index (both < 2^31)
                Cached entry = table[i];
                X25519Field.cmov(mask, entry.yPlusX, 0, out.yPlusX, 0);
                X25519Field.cmov(mask, entry.yMinusX, 0, out.yMinusX, 0);
                X25519Field.cmov(mask, entry.t2d, 0, out.t2d, 0);
                X25519Field.cmov(mask, entry.z2, 0, out.z2, 0);
            }
        }
    }
}
