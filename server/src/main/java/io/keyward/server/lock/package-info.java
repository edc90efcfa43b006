/**
 * The root of the key hierarchy ({@link io.keyward.server.lock.RootLock}) and its providers, starting
 * with the local key file ({@link io.keyward.server.lock.KeyFileRootLock}), and the check that ties
 * a database to its root key ({@link io.keyward.server.lock.RootLockCheck}).
 */
package io.keyward.server.lock;
