package io.keyward.client.secrets;

import io.keyward.crypto.util.Bytes;
import java.util.List;

/** A decrypted item: its name, version, the keys that encrypt it, and the plaintext (close to zeroize). */
public record SecretValue(String name, long version, List<String> keyIds, byte[] value) implements AutoCloseable {
    @Override
    public void close() {
        Bytes.zeroize(value);
    }

    @Override
    public String toString() {
        return "SecretValue[" + name + " v" + version + ", " + value.length + " bytes redacted]";
    }
}
