package io.keyward.crypto.hpke;

import io.keyward.crypto.aead.Aead;
import io.keyward.crypto.aead.AesGcm;
import io.keyward.crypto.aead.ChaCha20Poly1305;

/** The AEADs of RFC 9180 section 7.3 (the export-only id is not offered). */
public enum HpkeAead {
    AES_128_GCM(0x0001, AesGcm.of(16, 12)),
    AES_256_GCM(0x0002, AesGcm.AES_256),
    CHACHA20_POLY1305(0x0003, ChaCha20Poly1305.INSTANCE);

    private final int id;
    private final Aead aead;

    HpkeAead(int id, Aead aead) {
        this.id = id;
        this.aead = aead;
    }

    public int id() {
        return id;
    }

    Aead aead() {
        return aead;
    }

    public static HpkeAead byId(int id) {
        for (HpkeAead a : values()) {
            if (a.id == id) {
                return a;
            }
        }
        throw new HpkeException("unsupported HPKE AEAD id 0x" + Integer.toHexString(id));
    }
}
