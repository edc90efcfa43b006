package io.keyward.server.account;

import io.keyward.crypto.opaque.OpaqueSuite;

/** A stored org as the services read it (its wrapped setup stays with {@link OrgService}). */
record OrgRecord(String name, OpaqueSuite suite, String registration, String ksf, byte[] context, byte[] serverPublicKey,
                 byte[] fakeRecord, boolean bootstrapped, String sequesterAuthorityKey) {
    boolean openRegistration() {
        return registration.equals("open");
    }
}
