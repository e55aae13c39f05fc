package org.sciatica.advisor.service;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the JWT a CDS client sends (CDS Hooks 2.0, "Trusting CDS Clients"): header {@code alg} ES384 or
 * RS384 (never {@code none} or HMAC), {@code typ} JWT, {@code kid}; claims {@code iss} on the allowlist,
 * {@code aud} the exact URL called, {@code exp} not passed, {@code iat}, and a {@code jti} not seen before (by this
 * instance, in memory, nor by any instance sharing the store);
 * the signature by a key of the issuer's JWK Set (a file, or the https address its tokens may name as
 * {@code jku}). Every failure is the same bare 401; why is logged at debug level, the token never.
 */
final class TokenVerifier {
    static final String SANDBOX_ISSUER = "https://sandbox.cds-hooks.org";
    static final String SANDBOX_JKU = "https://sandbox.cds-hooks.org/.well-known/jwks.json";
    private static final Logger LOG = LoggerFactory.getLogger(TokenVerifier.class);
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.ES384, JWSAlgorithm.RS384);
    private static final long SKEW_SECONDS = 60;
    private static final int MAX_REMEMBERED = 1_000_000;

    private record Issuer(JWKSource<SecurityContext> keys, @Nullable String jku, boolean sandbox) {
    }

    /** Where accepted tokens are recorded for every instance sharing a store: {@code firstUse} is false for a replay. */
    interface SharedTokens {
        boolean firstUse(String key, long expiresAt, long now);
    }

    /** Who called: the issuer, and whether only the public sandbox key vouched for it. */
    record Caller(String issuer, boolean sandbox) {
    }

    private final Map<String, Issuer> issuers;
    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private final Clock clock;
    private final DefaultJWSVerifierFactory verifiers = new DefaultJWSVerifierFactory();
    private final SharedTokens shared;

    TokenVerifier(Map<String, String> trusted, boolean devSandbox, Clock clock, SharedTokens shared) {
        this.clock = clock;
        this.shared = shared;
        Map<String, Issuer> map = new HashMap<>();
        trusted.forEach((iss, jwks) -> map.put(iss, issuer(iss, jwks)));
        if (devSandbox) {
            try (InputStream in = TokenVerifier.class.getResourceAsStream("cds-hooks-sandbox-jwks.json")) {
                JWKSet set = JWKSet.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                map.put(SANDBOX_ISSUER, new Issuer(new ImmutableJWKSet<>(set), SANDBOX_JKU, true));
            } catch (IOException | ParseException | NullPointerException e) {
                throw new IllegalStateException("cannot read the bundled CDS Hooks sandbox key", e);
            }
        }
        this.issuers = Map.copyOf(map);
    }

    private static Issuer issuer(String iss, String jwks) {
        try {
            if (jwks.startsWith("https://")) {
                return new Issuer(JWKSourceBuilder.create(URI.create(jwks).toURL()).build(), jwks, false);
            }
            return new Issuer(new ImmutableJWKSet<>(JWKSet.load(Path.of(jwks).toFile())), null, false);
        } catch (IOException | ParseException e) {
            throw new IllegalArgumentException("trusted issuer " + iss + ": cannot read the JWK Set " + jwks + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("trusted issuer " + iss + ": " + jwks + " is neither a file nor an https address", e);
        }
    }

    /** @return whether any issuer is trusted */
    boolean hasIssuers() {
        return !issuers.isEmpty();
    }

    /**
     * Checks the request's bearer token.
     *
     * @param authorization the {@code Authorization} header, or null
     * @param audience the exact URL called
     * @return the caller
     * @throws HttpError 401 for any failure
     */
    Caller verify(@Nullable String authorization, String audience) {
        try {
            return check(authorization, audience);
        } catch (Refused e) {
            LOG.debug("event=token_refused reason=\"{}\"", e.getMessage());
            throw HttpError.unauthorized();
        }
    }

    private Caller check(@Nullable String authorization, String audience) throws Refused {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new Refused("no bearer token");
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(authorization.substring(7).trim());
        } catch (ParseException e) {
            throw new Refused("not a signed JWT (unsigned, malformed or encrypted)");
        }
        JWSHeader header = jwt.getHeader();
        if (!ALGORITHMS.contains(header.getAlgorithm())) {
            throw new Refused("alg " + header.getAlgorithm() + " is not ES384 or RS384");
        }
        if (!JOSEObjectType.JWT.equals(header.getType())) {
            throw new Refused("typ is not JWT");
        }
        if (header.getKeyID() == null) {
            throw new Refused("no kid");
        }
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new Refused("claims are not a JSON object");
        }
        String iss = claims.getIssuer();
        Issuer issuer = iss == null ? null : issuers.get(iss);
        if (issuer == null) {
            throw new Refused("issuer not on the allowlist");
        }
        if (header.getJWKURL() != null && issuer.jku() != null && !header.getJWKURL().toString().equals(issuer.jku())) {
            throw new Refused("jku is not the issuer's allowlisted JWK Set address");
        }
        List<String> aud = claims.getAudience();
        if (aud == null || !aud.contains(audience)) {
            throw new Refused("aud is not " + audience);
        }
        long now = clock.instant().getEpochSecond();
        Date exp = claims.getExpirationTime();
        if (exp == null || exp.toInstant().getEpochSecond() + SKEW_SECONDS < now) {
            throw new Refused("exp missing or passed");
        }
        Date iat = claims.getIssueTime();
        if (iat == null || iat.toInstant().getEpochSecond() - SKEW_SECONDS > now) {
            throw new Refused("iat missing or in the future");
        }
        String jti = claims.getJWTID();
        if (jti == null || jti.isBlank()) {
            throw new Refused("no jti");
        }
        verifySignature(jwt, header, issuer);
        remember(iss + "|" + jti, exp.toInstant().getEpochSecond() + SKEW_SECONDS, now);
        if (issuer.sandbox()) {
            LOG.warn("event=dev_sandbox_token_accepted issuer={} note=\"the CDS Hooks sandbox key is public; never use --dev-sandbox in production\"", iss);
        }
        return new Caller(iss, issuer.sandbox());
    }

    private void verifySignature(SignedJWT jwt, JWSHeader header, Issuer issuer) throws Refused {
        List<JWK> keys;
        try {
            keys = issuer.keys().get(new JWKSelector(new JWKMatcher.Builder().keyID(header.getKeyID())
                    .algorithms(header.getAlgorithm(), null).build()), null);
        } catch (Exception e) {
            throw new Refused("cannot get the issuer's keys: " + e.getMessage());
        }
        for (JWK key : keys) {
            try {
                JWSVerifier verifier = verifiers.createJWSVerifier(header, toKey(key));
                if (jwt.verify(verifier)) {
                    return;
                }
            } catch (JOSEException e) {
                LOG.debug("event=key_unusable kid={} reason=\"{}\"", header.getKeyID(), e.getMessage());
            }
        }
        throw new Refused("no key " + header.getKeyID() + " of the issuer verifies the signature");
    }

    private static java.security.Key toKey(JWK key) throws JOSEException {
        return switch (key.getKeyType().getValue()) {
            case "EC" -> key.toECKey().toECPublicKey();
            case "RSA" -> key.toRSAKey().toRSAPublicKey();
            default -> throw new JOSEException("key type " + key.getKeyType() + " cannot verify ES384 or RS384");
        };
    }

    private void remember(String key, long until, long now) throws Refused {
        if (seen.size() > MAX_REMEMBERED / 2) {
            seen.values().removeIf(t -> t < now);
        }
        if (seen.size() >= MAX_REMEMBERED) {
            throw new Refused("too many tokens in flight to remember their jti");
        }
        if (seen.putIfAbsent(key, until) != null) {
            throw new Refused("jti replayed");
        }
        if (!shared.firstUse(digest(key), until, now)) {
            throw new Refused("jti replayed (accepted before by an instance sharing the store)");
        }
    }

    private static String digest(String key) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
