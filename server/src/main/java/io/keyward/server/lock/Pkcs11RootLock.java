package io.keyward.server.lock;

import io.keyward.crypto.aead.AuthenticationFailedException;
import io.keyward.crypto.envelope.Envelope;
import io.keyward.crypto.envelope.KeyRef;
import io.keyward.server.config.RootLockConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.security.auth.login.FailedLoginException;

/**
 * The root lock held as an AES-256 key inside a PKCS#11 token (an HSM, or SoftHSM2), used through the
 * JDK's SunPKCS11 provider. The key never leaves the token: it must be sensitive and non-extractable
 * (a key that would export its value is refused), and AES-GCM runs inside the token
 * ({@code CKM_AES_GCM}, which the token must offer: one without it is refused).
 *
 * <p>Wrapped values are {@link Envelope}s, byte for byte the format the key file lock writes, under
 * the key id {@code pkcs11:<key label>}, version 1: only the GCM computation moves into the token.
 * The envelope chooses the 96-bit nonce (SecureRandom) and passes it in, so tokens that insist on
 * generating GCM nonces themselves (some FIPS-mode HSMs) cannot be used.
 *
 * <p>The key is found by its {@code CKA_LABEL}. With {@code create_key} the lock generates it inside
 * the token when no key has the label: a token object that is private, sensitive and not
 * extractable, usable to encrypt and decrypt.
 *
 * <p>The PIN is used once, to log in, and its char array is then overwritten; it appears in no
 * message or {@code toString()}.
 */
public final class Pkcs11RootLock extends EnvelopeRootLock {
    private static final String GCM = "AES/GCM/NoPadding";
    private static final int KEY_VERSION = 1;
    private static final Pattern CKR = Pattern.compile("CKR_[A-Z0-9_]+");
    private static final AtomicInteger PROVIDERS = new AtomicInteger();

    private final Provider provider;
    private final SecretKey key;
    private final String slotDescription;
    private final Envelope.KeyHolder inToken = new InTokenGcm();

    private Pkcs11RootLock(Provider provider, SecretKey key, String keyLabel, String slotDescription) {
        super(new KeyRef("pkcs11:" + keyLabel, KEY_VERSION));
        this.provider = provider;
        this.key = key;
        this.slotDescription = slotDescription;
    }

    @Override
    Envelope.KeyHolder keyHolder() {
        return inToken;
    }

    /**
     * Nothing to erase: the key never left the token. The token stays logged in and SunPKCS11 keeps the
     * module loaded for the JVM's life: PKCS#11 login belongs to the process and token, so a logout here
     * would also log out any other lock on the same token in this process.
     */
    @Override
    void destroyKey() {}

    /**
     * Loads the token's module, logs in with the PIN and finds the key by its label (generating it first
     * when the configuration says so and no key has the label).
     *
     * @throws RootLockException with one line when the module cannot be loaded, the slot holds no
     *     token, the PIN is refused, the token cannot do AES-GCM, or the key is missing, not AES or
     *     extractable
     */
    public static Pkcs11RootLock open(RootLockConfig.Pkcs11 config) {
        String slot = switch (config.slot()) {
            case RootLockConfig.Pkcs11.Slot.Id id -> "slot " + id.id();
            case RootLockConfig.Pkcs11.Slot.ListIndex index -> "slot list index " + index.index();
        };
        String where = "PKCS#11 token at " + slot + " of " + config.library();
        Provider provider = configureProvider(config, where);
        if (provider.getService("Cipher", GCM) == null) {
            throw new RootLockException(where + " does not offer AES-GCM (CKM_AES_GCM), which the root lock needs");
        }
        KeyStore keyStore = login(provider, config.pin(), where);
        Key key = findKey(keyStore, config.keyLabel(), where);
        if (key == null && config.createKey()) {
            generateKey(provider, where);
            key = findKey(login(provider, config.pin(), where), config.keyLabel(), where);
        }
        if (key == null) {
            throw new RootLockException("no key labelled " + config.keyLabel() + " in the " + where
                    + " (create it, or set root_lock.pkcs11.create_key: true for a first start)");
        }
        if (!(key instanceof SecretKey secret) || !"AES".equalsIgnoreCase(key.getAlgorithm())) {
            throw new RootLockException("key " + config.keyLabel() + " in the " + where + " is not an AES key");
        }
        byte[] encoded = key.getEncoded();
        if (encoded != null) {
            Arrays.fill(encoded, (byte) 0);
            throw new RootLockException("key " + config.keyLabel() + " in the " + where
                    + " can be extracted; the root key must be sensitive and non-extractable");
        }
        // No logout on the refusals above: PKCS#11 login belongs to the process and token, not to
        // this provider, so a logout would also log out every other lock on the same token.
        return new Pkcs11RootLock(provider, secret, config.keyLabel(), where);
    }

    private static Provider configureProvider(RootLockConfig.Pkcs11 config, String where) {
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new RootLockException("this JDK has no SunPKCS11 provider (module jdk.crypto.cryptoki)");
        }
        String library = config.library().toString();
        if (library.contains("\"") || library.chars().anyMatch(Character::isISOControl)) {
            throw new RootLockException("PKCS#11 module path " + library + " contains a quote or control character");
        }
        StringBuilder text = new StringBuilder()
                .append("name = keyward-root-").append(PROVIDERS.incrementAndGet()).append('\n')
                .append("library = \"").append(library).append("\"\n");
        switch (config.slot()) {
            case RootLockConfig.Pkcs11.Slot.Id id -> text.append("slot = ").append(id.id()).append('\n');
            case RootLockConfig.Pkcs11.Slot.ListIndex index -> text.append("slotListIndex = ").append(index.index()).append('\n');
        }
        // Only keys this provider generates get these attributes: a token object that never leaves it.
        text.append("attributes(generate, CKO_SECRET_KEY, CKK_AES) = {\n")
                .append("  CKA_TOKEN = true\n  CKA_PRIVATE = true\n  CKA_SENSITIVE = true\n  CKA_EXTRACTABLE = false\n")
                .append("  CKA_ENCRYPT = true\n  CKA_DECRYPT = true\n  CKA_WRAP = false\n  CKA_UNWRAP = false\n")
                .append("  CKA_LABEL = 0h").append(HexFormat.of().formatHex(config.keyLabel().getBytes(StandardCharsets.US_ASCII)))
                .append("\n}\n");
        try {
            return base.configure("--" + text);
        } catch (ProviderException | java.security.InvalidParameterException e) {
            throw new RootLockUnavailableException("cannot open the " + where + ": " + reason(e, "the module failed to load"));
        }
    }

    private static KeyStore login(Provider provider, String pin, String where) {
        char[] pinChars = pin.toCharArray();
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS11", provider);
            keyStore.load(null, pinChars);
            return keyStore;
        } catch (IOException e) {
            if (hasCause(e, FailedLoginException.class)) {
                throw new RootLockException("the " + where + " refused the PIN (" + reason(e, "login failed") + ")");
            }
            throw new RootLockUnavailableException("cannot log in to the " + where + ": " + reason(e, "login failed"));
        } catch (GeneralSecurityException | ProviderException e) {
            throw new RootLockUnavailableException("cannot log in to the " + where + ": " + reason(e, "login failed"));
        } finally {
            Arrays.fill(pinChars, '\0');
        }
    }

    private static Key findKey(KeyStore keyStore, String label, String where) {
        try {
            return keyStore.isKeyEntry(label) ? keyStore.getKey(label, null) : null;
        } catch (GeneralSecurityException | ProviderException e) {
            throw new RootLockUnavailableException("cannot look up key " + label + " in the " + where + ": "
                    + reason(e, "lookup failed"));
        }
    }

    private static void generateKey(Provider provider, String where) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES", provider);
            generator.init(256);
            generator.generateKey();
        } catch (GeneralSecurityException | ProviderException e) {
            throw new RootLockUnavailableException("cannot generate the root key in the " + where + ": "
                    + reason(e, "generation failed"));
        }
    }

    @Override
    public String toString() {
        return "Pkcs11RootLock[" + keyId() + " in " + slotDescription + (isClosed() ? ", closed" : "") + "]";
    }

    /** AES-GCM inside the token: the key object is a handle, its value never reaches this process. */
    private final class InTokenGcm implements Envelope.KeyHolder {
        @Override
        public byte[] seal(byte[] nonce, byte[] plaintext, byte[] associatedData) {
            try {
                return cipher(Cipher.ENCRYPT_MODE, nonce, associatedData).doFinal(plaintext);
            } catch (GeneralSecurityException | ProviderException e) {
                throw new RootLockUnavailableException("the " + slotDescription + " failed to encrypt: "
                        + reason(e, "encryption failed"));
            }
        }

        @Override
        public byte[] open(byte[] nonce, byte[] ciphertextAndTag, byte[] associatedData) {
            try {
                return cipher(Cipher.DECRYPT_MODE, nonce, associatedData).doFinal(ciphertextAndTag);
            } catch (AEADBadTagException e) {
                // SunPKCS11 reports a failed tag this way (the token says CKR_ENCRYPTED_DATA_INVALID or alike).
                throw new AuthenticationFailedException("root key envelope");
            } catch (GeneralSecurityException | ProviderException e) {
                throw new RootLockUnavailableException("the " + slotDescription + " failed to decrypt: "
                        + reason(e, "decryption failed"));
            }
        }

        private Cipher cipher(int mode, byte[] nonce, byte[] associatedData) throws GeneralSecurityException {
            // A Cipher is not thread-safe; SunPKCS11 takes a session from its pool per instance.
            Cipher cipher = Cipher.getInstance(GCM, provider);
            cipher.init(mode, key, new GCMParameterSpec(Envelope.TAG_LENGTH * 8, nonce));
            cipher.updateAAD(associatedData);
            return cipher;
        }
    }

    /**
     * The PKCS#11 return code (CKR_...) from the cause chain, which is what an operator can look up;
     * else the fallback. Never the whole chain, whose messages may quote configuration.
     */
    static String reason(Throwable e, String fallback) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                Matcher m = CKR.matcher(t.getMessage());
                if (m.find()) {
                    return m.group();
                }
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException && t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage().lines().findFirst().orElse(fallback);
            }
        }
        return fallback;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

}
