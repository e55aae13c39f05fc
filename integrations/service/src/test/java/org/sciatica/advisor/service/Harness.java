package org.sciatica.advisor.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** A service on a free loopback port with a test issuer's keys, and the calls the tests make. */
final class Harness implements AutoCloseable {
    static final String ISSUER = "https://ehr.example.org";
    static final ObjectMapper JSON = new ObjectMapper();
    static final ECKey EC_KEY;
    static final RSAKey RSA_KEY;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static {
        try {
            EC_KEY = new ECKeyGenerator(Curve.P_384).keyID("ec-1").generate();
            RSA_KEY = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final SciaticaService service;
    final Path dir;

    private Harness(SciaticaService service, Path dir) {
        this.service = service;
        this.dir = dir;
    }

    static Path jwks(Path dir) throws IOException {
        Path file = dir.resolve("ehr-jwks.json");
        Files.writeString(file, new JWKSet(List.of(EC_KEY.toPublicJWK(), RSA_KEY.toPublicJWK())).toString());
        return file;
    }

    static Harness start(Path dir) throws IOException {
        return start(dir, c -> c);
    }

    static Harness start(Path dir, java.util.function.UnaryOperator<ServiceConfig> change) throws IOException {
        ServiceConfig config = ServiceConfig.defaults(0, dir.resolve("data"))
                .with(null, Map.of(ISSUER, jwks(dir).toString()), List.of("https://allowed.example.org"), null, false);
        return new Harness(SciaticaService.start(change.apply(config)), dir);
    }

    String url(String path) {
        return service.url() + path;
    }

    /** A valid token for the path, changed by the caller. */
    String token(String path) {
        return token(path, JWSAlgorithm.ES384, h -> { }, c -> { });
    }

    String token(String path, JWSAlgorithm alg, Consumer<JWSHeader.Builder> header, Consumer<JWTClaimsSet.Builder> claims) {
        return sign(url(path), alg, header, claims);
    }

    /** A valid ES384 token of the test issuer for the exact URL. */
    static String sign(String audience) {
        return sign(audience, JWSAlgorithm.ES384, h -> { }, c -> { });
    }

    static String sign(String audience, JWSAlgorithm alg, Consumer<JWSHeader.Builder> header, Consumer<JWTClaimsSet.Builder> claims) {
        try {
            JWSHeader.Builder h = new JWSHeader.Builder(alg).type(JOSEObjectType.JWT)
                    .keyID(alg == JWSAlgorithm.RS384 ? RSA_KEY.getKeyID() : EC_KEY.getKeyID());
            header.accept(h);
            Instant now = Instant.now();
            JWTClaimsSet.Builder c = new JWTClaimsSet.Builder().issuer(ISSUER).audience(audience)
                    .expirationTime(Date.from(now.plusSeconds(300))).issueTime(Date.from(now)).jwtID(UUID.randomUUID().toString());
            claims.accept(c);
            SignedJWT jwt = new SignedJWT(h.build(), c.build());
            jwt.sign(alg == JWSAlgorithm.RS384 || alg == JWSAlgorithm.RS256 ? new RSASSASigner(RSA_KEY) : new ECDSASigner(EC_KEY));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    record Reply(int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET().build());
    }

    Reply post(String path, String body) {
        return post(path, body, token(path));
    }

    Reply post(String path, String body, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.build());
    }

    static Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        service.close();
    }
}
