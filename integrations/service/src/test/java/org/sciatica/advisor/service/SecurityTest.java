package org.sciatica.advisor.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Date;
import java.time.Instant;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JWT per CDS Hooks 2.0 (every failure a bare 401), CORS for configured origins only, the page key off loopback. */
class SecurityTest {
    private static final String PATIENT_VIEW = "/cds-services/sciatica-patient-view";
    @TempDir
    static Path dir;
    static Harness h;
    static String request;

    @BeforeAll
    static void start() throws Exception {
        h = Harness.start(dir);
        request = Fixtures.hookRequest("patient-view", Fixtures.prefetch(null));
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    private static void assertBare401(String token) {
        Harness.Reply r = h.post(PATIENT_VIEW, request, token);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void es384AndRs384TokensOfATrustedIssuerAreAccepted() {
        assertThat(h.post(PATIENT_VIEW, request, h.token(PATIENT_VIEW, JWSAlgorithm.ES384, b -> { }, c -> { })).status()).isEqualTo(200);
        assertThat(h.post(PATIENT_VIEW, request, h.token(PATIENT_VIEW, JWSAlgorithm.RS384, b -> { }, c -> { })).status()).isEqualTo(200);
    }

    @Test
    void noTokenIs401() {
        assertBare401(null);
        assertBare401("not-a-jwt");
    }

    @Test
    void algNoneIsRefused() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(Harness.ISSUER).audience(h.url(PATIENT_VIEW))
                .expirationTime(Date.from(Instant.now().plusSeconds(300))).issueTime(new Date()).jwtID("none-1").build();
        assertBare401(new PlainJWT(claims).serialize());
    }

    @Test
    void hmacIsRefusedEvenWithThePublicKeyAsSecret() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(Harness.ISSUER).audience(h.url(PATIENT_VIEW))
                .expirationTime(Date.from(Instant.now().plusSeconds(300))).issueTime(new Date()).jwtID("hmac-1").build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS384).type(JOSEObjectType.JWT).keyID("ec-1").build(), claims);
        jwt.sign(new MACSigner(Harness.EC_KEY.toPublicJWK().toJSONString().repeat(2).getBytes()));
        assertBare401(jwt.serialize());
    }

    @Test
    void anotherAlgorithmThanEs384OrRs384IsRefused() {
        assertBare401(h.token(PATIENT_VIEW, JWSAlgorithm.RS256, b -> b.keyID("rsa-1"), c -> { }));
    }

    @Test
    void everyMissingOrWrongClaimOrHeaderIsRefused() {
        assertBare401(h.token(PATIENT_VIEW, JWSAlgorithm.ES384, b -> { }, c -> c.issuer("https://evil.example.org")));
        assertBare401(h.token(PATIENT_VIEW, JWSAlgorithm.ES384, b -> { }, c -> c.audience(h.url("/cds-services/sciatica-order-sign"))));
        assertBare401(h.token(PATIENT_VIEW, JWSAlgorithm.ES384, b -> { }, c -> c.audience(h.url(PATIENT_VIEW) + "/")));
        assertBare401(h.token(PATIENT_VIEW, JWSAlgorithm.ES384, b -> { }, c -> c.expirationTime(Date.from(Instant.now().minusSeconds(120)))));
        assertBare401(h.token(PATIENT_VIEW, JWSAlgorithm.ES384, b -> { }, c -> c.expirationTime(null)));
        assertBare401(h.token(PATIENT_VIEW, JWSAlgorithm.ES384, b -> { }, c -> c.issueTime(null)));
        assertBare401(h.token(PATIENT_VIEW, JWSAlgorithm.ES384, b -> { }, c -> c.jwtID(null)));
        assertBare401(h.token(PATIENT_VIEW, JWSAlgorithm.ES384, b -> b.keyID(null), c -> { }));
        assertBare401(h.token(PATIENT_VIEW, JWSAlgorithm.ES384, b -> b.keyID("other-key"), c -> { }));
        assertBare401(h.token(PATIENT_VIEW, JWSAlgorithm.ES384, b -> b.type(null), c -> { }));
    }

    @Test
    void aTamperedSignatureIsRefused() {
        String token = h.token(PATIENT_VIEW);
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1])).replace(Harness.ISSUER, Harness.ISSUER + "/x");
        assertBare401(parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes()) + "." + parts[2]);
    }

    @Test
    void aReplayedJtiIsRefused() {
        String token = h.token(PATIENT_VIEW);
        assertThat(h.post(PATIENT_VIEW, request, token).status()).isEqualTo(200);
        assertBare401(token);
    }

    @Test
    void theSandboxIssuerIsRefusedWithoutTheDevSwitch() {
        assertBare401(h.token(PATIENT_VIEW, JWSAlgorithm.ES384, b -> { }, c -> c.issuer(TokenVerifier.SANDBOX_ISSUER)));
    }

    @Test
    void feedbackNeedsATokenToo() {
        Harness.Reply r = h.post(PATIENT_VIEW + "/feedback", "{\"feedback\": []}", null);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).isEmpty();
    }

    private static Harness.Reply preflight(String origin) {
        return Harness.send(HttpRequest.newBuilder(URI.create(h.url(PATIENT_VIEW))).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type").build());
    }

    @Test
    void aPreflightFromAConfiguredOriginIsAllowed() {
        Harness.Reply r = preflight("https://allowed.example.org");
        assertThat(r.status()).isEqualTo(204);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://allowed.example.org");
        assertThat(r.headers().firstValue("Access-Control-Allow-Headers").orElseThrow()).contains("Authorization");
    }

    @Test
    void aPreflightFromAnyOtherOriginIsRefused() {
        Harness.Reply r = preflight("https://evil.example.org");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        Harness.Reply get = Harness.send(HttpRequest.newBuilder(URI.create(h.url("/cds-services"))).header("Origin", "https://evil.example.org").build());
        assertThat(get.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void offLoopbackThePageTheAdviceEndpointAndTheReportNeedTheKeyOrAToken(@TempDir Path other) throws Exception {
        try (Harness open = Harness.start(other, c -> c.with(null, c.trustedIssuers(), c.corsOrigins(), "page-secret", false).on("0.0.0.0", null))) {
            String base = "http://127.0.0.1:" + open.service.port();
            String assessment = "{\"cause\": \"UNKNOWN\", \"sensitivity\": \"LOW\", \"inflammation\": \"NONE\", \"painLevel\": 3}";
            for (String path : new String[] {"/", "/report/overrides", "/rules"}) {
                Harness.Reply r = Harness.send(HttpRequest.newBuilder(URI.create(base + path)).build());
                assertThat(r.status()).as(path).isEqualTo(401);
                assertThat(r.body()).isEmpty();
                String basic = Base64.getEncoder().encodeToString("therapist:page-secret".getBytes());
                assertThat(Harness.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Basic " + basic).build()).status())
                        .as(path).isEqualTo(200);
            }
            Harness.Reply advice = Harness.send(HttpRequest.newBuilder(URI.create(base + "/advice")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(assessment)).build());
            assertThat(advice.status()).isEqualTo(401);
            String wrong = Base64.getEncoder().encodeToString("therapist:guess".getBytes());
            assertThat(Harness.send(HttpRequest.newBuilder(URI.create(base + "/advice")).header("Content-Type", "application/json")
                    .header("Authorization", "Basic " + wrong).POST(HttpRequest.BodyPublishers.ofString(assessment)).build()).status()).isEqualTo(401);
        }
    }
}
