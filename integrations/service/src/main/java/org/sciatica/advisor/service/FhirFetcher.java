package org.sciatica.advisor.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Fetches a prefetch the CDS client left out from its {@code fhirServer}, with the bearer token it gave. The
 * token lives only in the request it is sent with: never stored, never logged.
 */
final class FhirFetcher {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** A fetch that did not give a resource. */
    static final class FetchFailed extends Exception {
        private static final long serialVersionUID = 1L;

        FetchFailed(String message) {
            super(message, null, false, false);
        }
    }

    String get(String fhirServer, String query, String accessToken) throws FetchFailed {
        String base = fhirServer.endsWith("/") ? fhirServer : fhirServer + "/";
        URI uri;
        try {
            uri = URI.create(base + query.replace("|", "%7C").replace(" ", "%20"));
        } catch (IllegalArgumentException e) {
            throw new FetchFailed("not an address: " + e.getMessage());
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/fhir+json")
                .header("Authorization", "Bearer " + accessToken).GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new FetchFailed("the FHIR server answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new FetchFailed("the FHIR server could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchFailed("interrupted");
        }
    }
}
