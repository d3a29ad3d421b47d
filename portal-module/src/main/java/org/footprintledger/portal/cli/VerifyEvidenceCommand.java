package org.footprintledger.portal.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.footprintledger.footprint.api.LedgerIntegrity.ChainDigest;
import org.footprintledger.portal.evidence.EvidenceFormat;
import org.footprintledger.portal.evidence.EvidenceVerifier;

/**
 * {@code verify-evidence FILE [--digest DIGEST.json]}: checks an evidence archive offline (no database, no server) and
 * prints what it verified; exits 0 when everything holds, 1 when anything fails (each failure names its file), 2 for
 * a usage error. {@code --digest}: a chain-head digest the auditor downloaded earlier and held apart
 * ({@code GET /api/v1/audit/integrity/digests/latest}); each archived stream must still end as it says.
 */
public final class VerifyEvidenceCommand {

    private VerifyEvidenceCommand() {
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLineOptions options = CommandLineOptions.parse(args);
        if (options.arguments().size() != 1) {
            err.println("usage: verify-evidence FILE [--digest DIGEST.json]");
            return 2;
        }
        Path archive = Path.of(options.arguments().get(0));
        if (!Files.isRegularFile(archive)) {
            err.println("REFUSED " + archive + ": no such file");
            return 1;
        }
        try {
            ChainDigest held = null;
            if (options.value("digest").isPresent()) {
                Path digest = Path.of(options.value("digest").get());
                try {
                    held = EvidenceFormat.JSON.readValue(Files.readAllBytes(digest), ChainDigest.class);
                } catch (RuntimeException e) {
                    err.println("REFUSED " + digest + ": not a chain-head digest (" + e.getMessage() + ")");
                    return 1;
                }
            }
            EvidenceVerifier.Verdict verdict = new EvidenceVerifier().verify(archive, held);
            verdict.verified().forEach(line -> out.println("verified " + line));
            if (verdict.holds()) {
                out.println("OK " + archive + ": every checksum, hash link and figure verified");
                return 0;
            }
            verdict.failures().forEach(line -> err.println("FAILED " + line));
            err.println("REFUSED " + archive + ": " + verdict.failures().size() + " check(s) failed");
            return 1;
        } catch (java.io.IOException e) {
            err.println("REFUSED " + archive + ": cannot be read (" + e.getMessage() + ")");
            return 1;
        }
    }
}
