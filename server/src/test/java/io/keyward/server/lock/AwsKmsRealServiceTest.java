package io.keyward.server.lock;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyward.server.config.RootLockConfig;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The AWS KMS root lock against the real service. Runs only when {@code KEYWARD_TEST_AWS_KMS_KEY_ID}
 * names a symmetric KMS key (id or ARN), a region is given ({@code KEYWARD_TEST_AWS_REGION} or
 * {@code AWS_REGION}, or the ARN's), and credentials are in the environment for the SDK's default chain
 * ({@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, {@code AWS_PROFILE}, or a web identity);
 * the principal needs {@code kms:GenerateDataKey}, {@code kms:Decrypt} and {@code kms:Encrypt} on the key.
 * Otherwise it is skipped, with a line on stderr saying why.
 */
class AwsKmsRealServiceTest {
    private static final byte[] AAD = "keyward real KMS test".getBytes(US_ASCII);
    private RootLockConfig.AwsKms config;

    /** Per test, not per class, so that a skip shows in the report as a skipped test. */
    @BeforeEach
    void requireAws() {
        String keyId = System.getenv("KEYWARD_TEST_AWS_KMS_KEY_ID");
        boolean credentials = System.getenv("AWS_ACCESS_KEY_ID") != null || System.getenv("AWS_PROFILE") != null
                || System.getenv("AWS_WEB_IDENTITY_TOKEN_FILE") != null;
        if (keyId == null || keyId.isBlank() || !credentials) {
            String why = "set KEYWARD_TEST_AWS_KMS_KEY_ID and AWS credentials (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY,"
                    + " AWS_PROFILE or a web identity) to run it";
            System.err.println("SKIPPED: AwsKmsRealServiceTest needs real AWS KMS: " + why);
            Assumptions.abort("no real AWS KMS: " + why);
        }
        String region = Optional.ofNullable(System.getenv("KEYWARD_TEST_AWS_REGION"))
                .or(() -> Optional.ofNullable(System.getenv("AWS_REGION")))
                .orElseGet(() -> keyId.startsWith("arn:") ? keyId.split(":")[3] : "us-east-1");
        config = new RootLockConfig.AwsKms(keyId.strip(), region, Optional.empty(), Duration.ofMinutes(5), Duration.ZERO);
    }

    @Test
    void wrapsUnwrapsAndRefusesOtherAssociatedData() {
        byte[] wrapped;
        try (AwsKmsRootLock lock = AwsKmsRootLock.open(config)) {
            assertThat(lock.unavailableReason()).isEmpty();
            byte[] secret = "a keystore lock key, 32 bytes..".getBytes(US_ASCII);
            wrapped = lock.wrap(secret, AAD);
            assertThat(lock.unwrap(wrapped, AAD)).isEqualTo(secret);
            assertThatThrownBy(() -> lock.unwrap(wrapped, "other".getBytes(US_ASCII)))
                    .hasMessageContaining("failed to authenticate");
        }
        // A new lock has no cached data key: this goes through KMS Decrypt.
        try (AwsKmsRootLock lock = AwsKmsRootLock.open(config)) {
            assertThat(lock.unwrap(wrapped, AAD)).isEqualTo("a keystore lock key, 32 bytes..".getBytes(US_ASCII));
            byte[] changed = wrapped.clone();
            changed[10] ^= 1;
            assertThatThrownBy(() -> lock.unwrap(changed, AAD))
                    .isExactlyInstanceOf(RootLockException.class)
                    .hasMessageContaining("InvalidCiphertextException");
        }
    }
}
