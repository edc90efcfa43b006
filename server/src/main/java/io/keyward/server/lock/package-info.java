/**
 * The root of the key hierarchy ({@link io.keyward.server.lock.RootLock}) and its providers: the local
 * key file ({@link io.keyward.server.lock.KeyFileRootLock}), an AES key inside a PKCS#11 token
 * ({@link io.keyward.server.lock.Pkcs11RootLock}) and an AWS KMS key
 * ({@link io.keyward.server.lock.AwsKmsRootLock}); and the check that ties a database to its root key
 * ({@link io.keyward.server.lock.RootLockCheck}). An outage of an HSM or KMS is a
 * {@link io.keyward.server.lock.RootLockUnavailableException}, never mistaken for a wrong key.
 */
package io.keyward.server.lock;
