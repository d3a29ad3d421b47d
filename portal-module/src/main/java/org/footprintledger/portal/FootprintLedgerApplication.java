package org.footprintledger.portal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Assembles the modules into one application: customer area, REST API, feed intake and the ledger. */
@SpringBootApplication(scanBasePackages = "org.footprintledger")
@EnableScheduling
public class FootprintLedgerApplication {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(FootprintLedgerApplication.class, args);
    }
}
