package io.keyward.cli;

import picocli.CommandLine;

/** Reports the version from the jar manifest (set by the build), or "development" when run from classes. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = KeywardCommand.class.getPackage().getImplementationVersion();
        return new String[] {"keyward " + (version != null ? version : "development build"),
                "Java " + Runtime.version()};
    }
}
