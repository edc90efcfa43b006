package io.keyward.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this build, from {@code version.properties} written by Maven resource filtering. */
public final class KeywardVersion {
    private static final String VERSION = read();

    private KeywardVersion() {}

    public static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = KeywardVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "development";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "development");
            return version.startsWith("${") ? "development" : version;
        } catch (IOException e) {
            return "development";
        }
    }
}
