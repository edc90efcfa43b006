/**
 * Storage: the node's database (SQLite by default, PostgreSQL for scale-out), its pool,
 * migrations and transactions, and the node-wide settings table. See docs/storage.md.
 */
package io.keyward.server.store;
