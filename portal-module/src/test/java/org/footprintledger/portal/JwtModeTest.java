package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Production mode: bearer JWTs of the operator's identity provider, roles from a claim, no demo account. */
class JwtModeTest {

    private static KeyPair identityProviderKeys;
    private static ConfigurableApplicationContext app;
    private static int port;

    @BeforeAll
    static void startInJwtMode() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        identityProviderKeys = generator.generateKeyPair();
        Path publicKey = Files.createTempFile("idp", ".pub");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(identityProviderKeys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        app = new SpringApplicationBuilder(FootprintLedgerApplication.class).run(
                "--server.port=0",
                "--footprint.embedded-db.directory=" + Files.createTempDirectory("footprint-jwt-db"),
                "--footprint.security.mode=jwt",
                "--footprint.demo-data.enabled=false",
                "--footprint.security.jwt.issuer=https://idp.example.test",
                "--footprint.security.jwt.audience=footprint-ledger",
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKey);
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void a_subscriber_token_reads_its_own_statements_only() throws Exception {
        String alice = token("alice", List.of("SUBSCRIBER"));

        assertThat(get("/api/v1/subscribers/alice/statements/2025-01", "Bearer " + alice))
                .as("own data, no usage yet").isEqualTo(404);
        assertThat(get("/api/v1/subscribers/bob/statements/2025-01", "Bearer " + alice)).isEqualTo(403);
    }

    @Test
    void roles_come_from_the_token() throws Exception {
        assertThat(get("/actuator/prometheus", "Bearer " + token("ops-client", List.of("OPS")))).isEqualTo(200);
        assertThat(get("/actuator/prometheus", "Bearer " + token("feed-client", List.of("FEED")))).isEqualTo(403);
    }

    @Test
    void demo_accounts_do_not_exist_and_forged_tokens_are_refused() throws Exception {
        String basicFeed = "Basic " + Base64.getEncoder().encodeToString("ops:ops".getBytes());
        assertThat(get("/actuator/prometheus", basicFeed)).isEqualTo(401);

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = sign(claims("ops-client", List.of("OPS")), generator.generateKeyPair());
        assertThat(get("/actuator/prometheus", "Bearer " + forged)).isEqualTo(401);
    }

    @Test
    void a_token_without_expiry_for_another_audience_from_another_issuer_or_without_subject_is_refused_with_401()
            throws Exception {
        JWTClaimsSet valid = claims("ops-client", List.of("OPS"));
        assertThat(get("/actuator/prometheus", "Bearer " + sign(valid, identityProviderKeys))).isEqualTo(200);

        JWTClaimsSet noExpiry = new JWTClaimsSet.Builder(valid).expirationTime(null).build();
        JWTClaimsSet expired = new JWTClaimsSet.Builder(valid)
                .expirationTime(Date.from(Instant.now().minusSeconds(3600))).build();
        JWTClaimsSet otherAudience = new JWTClaimsSet.Builder(valid).audience("another-service").build();
        JWTClaimsSet otherIssuer = new JWTClaimsSet.Builder(valid).issuer("https://elsewhere.example.test").build();
        JWTClaimsSet noSubject = new JWTClaimsSet.Builder(claims("alice", List.of("SUBSCRIBER"))).subject(null)
                .build();

        for (JWTClaimsSet refused : List.of(noExpiry, expired, otherAudience, otherIssuer)) {
            assertThat(get("/actuator/prometheus", "Bearer " + sign(refused, identityProviderKeys)))
                    .as(refused.toString()).isEqualTo(401);
        }
        assertThat(get("/api/v1/subscribers/alice/statements/2025-01", "Bearer " + sign(noSubject,
                identityProviderKeys))).isEqualTo(401);
    }

    private static String token(String subject, List<String> roles) throws Exception {
        return sign(claims(subject, roles), identityProviderKeys);
    }

    private static JWTClaimsSet claims(String subject, List<String> roles) {
        return new JWTClaimsSet.Builder().subject(subject).claim("roles", roles)
                .issuer("https://idp.example.test").audience("footprint-ledger").issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300))).build();
    }

    private static String sign(JWTClaimsSet claims, KeyPair keys) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner(keys.getPrivate()));
        return jwt.serialize();
    }

    private static int get(String path, String authorization) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", authorization).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
