/** The Java SDK that runs on the asset owner's device: OPAQUE login, sealed requests, client-side secret storage. */
package io.keyward.client;
