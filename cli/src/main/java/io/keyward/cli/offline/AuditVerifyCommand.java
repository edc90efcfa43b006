package io.keyward.cli.offline;

import io.keyward.cli.CliException;
import io.keyward.cli.ExitCodes;
import io.keyward.server.audit.AuditExport;
import io.keyward.server.audit.AuditKey;
import io.keyward.server.audit.AuditVerifier;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keyward offline audit verify FILE --key PUBKEY}: checks an audit export without a server. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Audit log exports: verify a chain and its checkpoints offline.",
        subcommands = {AuditVerifyCommand.Verify.class})
public final class AuditVerifyCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: verify");
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Recomputes the hash chain of an audit export (keyward admin audit export), checks every"
                    + " checkpoint signature with the given key, and names the first entry that was changed, removed,"
                    + " inserted or reordered.",
                    "Exits 0 with a summary when the chain is intact, 1 with a one-line reason when it is not."})
    static final class Verify implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "The export (JSON lines).")
        Path file;

        @Option(names = "--key", required = true, paramLabel = "PUBKEY",
                description = "The server's audit public key, obtained independently: unpadded base64url of the raw"
                        + " 32 bytes, an SPKI PEM block, or a file holding either.")
        String key;

        @Option(names = "--json", description = "Print {\"intact\": ..., \"message\": ..., \"entry_seq\": ...}.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            byte[] publicKey = AuditKey.parsePublicKey(keyText());
            AuditExport.Contents contents;
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                contents = AuditExport.read(in);
            } catch (NoSuchFileException e) {
                throw new CliException("no such file: " + file);
            } catch (java.nio.charset.MalformedInputException e) {
                throw new CliException(file + " is not UTF-8 text");
            }
            AuditVerifier.Verdict verdict = AuditVerifier.verify(contents, publicKey);
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("intact", verdict.intact());
                out.put("message", verdict.message());
                out.put("entry_seq", verdict.entrySeq());
                OfflineIo.printJson(out);
                return verdict.intact() ? ExitCodes.OK : ExitCodes.FAILED;
            }
            if (!verdict.intact()) {
                throw new CliException("audit chain broken: " + verdict.message());
            }
            OfflineIo.println(verdict.message());
            return ExitCodes.OK;
        }

        private String keyText() throws IOException {
            Path asFile = null;
            try {
                asFile = Path.of(key);
            } catch (java.nio.file.InvalidPathException e) {
                // not a path: the key itself
            }
            if (asFile != null && !key.startsWith("-----") && Files.isRegularFile(asFile)) {
                return Files.readString(asFile, StandardCharsets.US_ASCII);
            }
            return key;
        }
    }
}
