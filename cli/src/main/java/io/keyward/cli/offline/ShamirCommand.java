package io.keyward.cli.offline;

import io.keyward.crypto.shamir.Shamir;
import io.keyward.crypto.shamir.ShamirException;
import io.keyward.crypto.util.Bytes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keyward offline shamir ...}: Shamir shares in HashiCorp Vault's format. */
@Command(name = "shamir", mixinStandardHelpOptions = true,
        description = "Shamir secret sharing over GF(2^8) in Vault's share format (the x coordinate is the last byte).",
        subcommands = {ShamirCommand.Split.class, ShamirCommand.Combine.class})
public final class ShamirCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: split or combine");
    }

    @Command(name = "split", mixinStandardHelpOptions = true,
            description = "Splits a secret (hex on stdin) into N shares, any T of which recover it; prints one share per line in hex.")
    static final class Split implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--shares", required = true, paramLabel = "N", description = "How many shares to make (2 to 255).")
        int shares;

        @Option(names = "--threshold", required = true, paramLabel = "T", description = "How many shares recover the secret (2 to N).")
        int threshold;

        @Option(names = "--json", description = "Print {\"threshold\": T, \"shares\": [...]}.")
        boolean json;

        @Override
        public Integer call() {
            try {
                Shamir.checkParameters(shares, threshold);
            } catch (ShamirException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            byte[] input = OfflineIo.readStdin();
            byte[] secret = OfflineIo.parseHex(OfflineIo.utf8(input), "the secret on stdin");
            Bytes.zeroize(input);
            List<byte[]> parts;
            try {
                parts = Shamir.split(secret, shares, threshold);
            } finally {
                Bytes.zeroize(secret);
            }
            List<String> hex = parts.stream().map(OfflineIo::hex).toList();
            parts.forEach(Bytes::zeroize);
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("threshold", threshold);
                out.put("shares", hex);
                OfflineIo.printJson(out);
            } else {
                OfflineIo.println(String.join(System.lineSeparator(), hex));
            }
            return 0;
        }
    }

    @Command(name = "combine", mixinStandardHelpOptions = true,
            description = {"Recovers a secret from shares on stdin (hex, one per line; blank lines ignored) and prints it in hex.",
                "With --threshold, shares beyond the first T are checked against the others, which detects shares",
                "from different splits and corrupted shares; without it (as Vault does) that cannot be detected."})
    static final class Combine implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--threshold", paramLabel = "T", description = "The split's threshold: require T shares and check any extra ones.")
        Integer threshold;

        @Option(names = "--json", description = "Print {\"secret_hex\": ...}.")
        boolean json;

        @Override
        public Integer call() {
            if (threshold != null && threshold < 2) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--threshold must be at least 2");
            }
            byte[] input = OfflineIo.readStdin();
            String[] lines = OfflineIo.utf8(input).split("\\R");
            Bytes.zeroize(input);
            List<byte[]> shares = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    shares.add(OfflineIo.parseHex(lines[i], "the share on line " + (i + 1)));
                }
            }
            byte[] secret = threshold != null ? Shamir.combine(shares, threshold) : Shamir.combine(shares);
            shares.forEach(Bytes::zeroize);
            try {
                if (json) {
                    OfflineIo.printJson(Map.of("secret_hex", OfflineIo.hex(secret)));
                } else {
                    OfflineIo.println(OfflineIo.hex(secret));
                }
            } finally {
                Bytes.zeroize(secret);
            }
            return 0;
        }
    }
}
