package org.sciatica.advisor.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --dev-sandbox}: a token signed as the public CDS Hooks sandbox signs its calls (its published private key,
 * test resource {@code cds-hooks-sandbox/jwk-keypair.json}, provenance beside it) is accepted with the switch on,
 * and the same kind of token gets a bare 401 with it off.
 */
class SandboxKeyTest {
    private static final String PATIENT_VIEW = "/cds-services/sciatica-patient-view";

    /** A token as the sandbox's jwt-generator.js makes it: ES384, typ JWT, its kid and jku, iss the sandbox, a fresh jti. */
    private static String sandboxToken(String audience) throws Exception {
        ECKey key;
        try (InputStream in = SandboxKeyTest.class.getResourceAsStream("/cds-hooks-sandbox/jwk-keypair.json")) {
            key = (ECKey) JWKSet.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getKeys().get(0);
        }
        assertThat(key.isPrivate()).as("the published key pair has its private half").isTrue();
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES384).type(JOSEObjectType.JWT).keyID(key.getKeyID())
                .jwkURL(URI.create(TokenVerifier.SANDBOX_JKU)).build(),
                new JWTClaimsSet.Builder().issuer(TokenVerifier.SANDBOX_ISSUER).audience(audience).expirationTime(Date.from(now.plusSeconds(300)))
                        .issueTime(Date.from(now)).jwtID(UUID.randomUUID().toString()).build());
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private static String request() {
        return Fixtures.hookRequest("patient-view", Fixtures.prefetch(Fixtures.intake("MUSCLE_TENSION")));
    }

    @Test
    void withTheDevSwitchOnASandboxSignedTokenIsAccepted(@TempDir Path dir) throws Exception {
        try (Harness h = Harness.start(dir, c -> c.with(c.store(), c.trustedIssuers(), c.corsOrigins(), c.pageKey(), true))) {
            Harness.Reply r = h.post(PATIENT_VIEW, request(), sandboxToken(h.url(PATIENT_VIEW)));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().get("cards").size()).isPositive();
        }
    }

    @Test
    void withTheDevSwitchOffTheSameTokenGetsABare401(@TempDir Path dir) throws Exception {
        try (Harness h = Harness.start(dir)) {
            Harness.Reply r = h.post(PATIENT_VIEW, request(), sandboxToken(h.url(PATIENT_VIEW)));
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.body()).isEmpty();
        }
    }
}
