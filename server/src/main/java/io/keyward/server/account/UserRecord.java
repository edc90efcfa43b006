package io.keyward.server.account;

/** A stored account. {@code record} is the RFC 9807 RegistrationRecord; {@code keyBundle} is null while pending. */
record UserRecord(String org, String userKey, String userId, byte[] record, String status, String role, byte[] keyBundle) {
    boolean pending() {
        return status.equals("pending");
    }

    @Override
    public String toString() {
        return "UserRecord[" + org + "/" + userKey + ", " + status + ", " + role + "]";
    }
}
