/**
 * What the user and admin commands remember and whom they trust: the profile ({@code $KEYWARD_HOME} or
 * {@code ~/.keyward}, 0700/0600, written atomically; server, org, user and pinned certificate
 * fingerprints, never a secret), the server address, and the certificate trust rules of DESIGN.md
 * "Command line" (system trust, {@code --fingerprint}, the pin, trust on first use for loopback only).
 */
package io.keyward.cli.profile;
