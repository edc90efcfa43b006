package io.keyward.server.config;

/**
 * The database. A blank {@code jdbcUrl} means the embedded SQLite database in the data directory.
 * {@link #toString()} masks the password (and a password carried in the URL).
 */
public record StorageConfig(String jdbcUrl, String username, String password, int maxPoolSize) {
    public boolean embedded() {
        return jdbcUrl == null || jdbcUrl.isBlank();
    }

    @Override
    public String toString() {
        return "StorageConfig[jdbcUrl=" + Secrets.maskJdbcUrl(jdbcUrl) + ", username=" + username
                + ", password=" + Secrets.mask(password) + ", maxPoolSize=" + maxPoolSize + "]";
    }
}
