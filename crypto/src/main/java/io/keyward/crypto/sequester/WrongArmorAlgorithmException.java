package io.keyward.crypto.sequester;

/** The armor names another algorithm than the one the operation expects. */
public final class WrongArmorAlgorithmException extends SequesterArmorException {
    public WrongArmorAlgorithmException(String expected, String found) {
        super("expected " + expected + " armor, found \"" + found + "\"");
    }
}
