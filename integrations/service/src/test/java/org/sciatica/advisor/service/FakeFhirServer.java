package org.sciatica.advisor.service;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/** A FHIR R4 server in the test JVM: answers the services' prefetch queries for one patient from resources the test gives. */
final class FakeFhirServer implements AutoCloseable {
    private final HttpServer server;
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    final List<String> queries = new CopyOnWriteArrayList<>();

    /** @param byResourceType the resource type a query asks for (Patient, Condition, ...) to the JSON to answer */
    FakeFhirServer(Map<String, String> byResourceType) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/fhir/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            String path = exchange.getRequestURI().getPath().substring("/fhir/".length());
            queries.add(exchange.getRequestURI().toString());
            String type = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
            String body = byResourceType.get(type);
            byte[] bytes = (body == null ? "{\"resourceType\": \"OperationOutcome\"}" : body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/fhir";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
