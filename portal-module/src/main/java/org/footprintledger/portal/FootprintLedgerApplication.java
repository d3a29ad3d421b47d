package org.footprintledger.portal;

import java.util.Arrays;
import org.footprintledger.portal.cli.GenerateFeedCommand;
import org.footprintledger.portal.cli.ImportFileCommand;
import org.footprintledger.portal.cli.VerifyEvidenceCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Assembles the modules into one application: customer area, REST API, feed intake and the ledger. */
@SpringBootApplication(scanBasePackages = "org.footprintledger")
@EnableScheduling
public class FootprintLedgerApplication {

    /**
     * Serves the application; or, with a first argument {@code generate}, {@code import} or {@code verify-evidence}, runs that command-line
     * entry (see the README) and exits.
     */
    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        String command = args.length > 0 ? args[0] : "";
        String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
        switch (command) {
            case "generate" -> System.exit(GenerateFeedCommand.run(rest));
            case "import" -> System.exit(ImportFileCommand.run(FootprintLedgerApplication.class, rest));
            case "verify-evidence" -> System.exit(VerifyEvidenceCommand.run(rest));
            default -> SpringApplication.run(FootprintLedgerApplication.class, args);
        }
    }
}
