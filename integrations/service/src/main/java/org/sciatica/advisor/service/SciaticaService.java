package org.sciatica.advisor.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.InvalidAssessmentException;
import org.sciatica.advisor.Recommendation;
import org.sciatica.advisor.SafetyViolationException;
import org.sciatica.advisor.SciaticaAdvisor;
import org.sciatica.advisor.cli.DecisionMatrix;
import org.sciatica.advisor.cli.RuleCatalog;
import org.sciatica.advisor.json.AssessmentJson;
import org.sciatica.advisor.json.CdsHooks;
import org.sciatica.advisor.json.RecommendationJson;
import org.sciatica.advisor.service.fhir.FhirMapping;
import org.sciatica.advisor.service.fhir.Intake;
import org.sciatica.advisor.service.store.DeflatedJson;
import org.sciatica.advisor.service.store.Store;

/**
 * The point-of-care service: CDS Hooks 2.0 ({@code /cds-services}), the plain endpoint ({@code /advice}),
 * the web page, the override report, health, readiness and metrics, over one advisor and one store.
 */
public final class SciaticaService implements AutoCloseable {
    static final String PATIENT_VIEW = "sciatica-patient-view";
    static final String ORDER_SIGN = "sciatica-order-sign";
    static final String APPOINTMENT_BOOK = "sciatica-appointment-book";
    private static final Logger LOG = LoggerFactory.getLogger(SciaticaService.class);

    private record ServiceDef(String id, String hook, String title, String description) {
    }

    private static final Map<String, ServiceDef> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put(PATIENT_VIEW, new ServiceDef(PATIENT_VIEW, "patient-view", "Sciatica massage advice",
                "When a client's record opens: whether massage is safe for their sciatica, which techniques and how firmly, "
                        + "or where to refer them and how fast."));
        SERVICES.put(ORDER_SIGN, new ServiceDef(ORDER_SIGN, "order-sign", "Sciatica massage order check",
                "When a massage therapy order (ServiceRequest) is signed: the same advice, so a referral is seen before the "
                        + "order goes out."));
        SERVICES.put(APPOINTMENT_BOOK, new ServiceDef(APPOINTMENT_BOOK, "appointment-book", "Sciatica massage booking check",
                "When a massage therapy appointment is proposed: the same advice, so a client who must be referred is not "
                        + "booked for massage first."));
    }

    private final ServiceConfig config;
    private final SciaticaAdvisor advisor;
    private final Store store;
    private final TokenVerifier tokens;
    private final FhirFetcher fetcher = new FhirFetcher();
    private final Clock clock;
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int AUDIT_BATCH = 1000;
    /** How long a request waits for its audit row before answering anyway (logged): the store is slow or down. */
    private static final long AUDIT_WAIT_SECONDS = 5;
    private final BlockingQueue<PendingAudit> adviceAudit = new ArrayBlockingQueue<>(10_000);
    /** The group-commit writer of {@code --advice-audit commit}; null with the journal. */
    private final @Nullable Thread auditWriter;
    /** The journal of {@code --advice-audit journal}; null with the group commit. */
    private final @Nullable AdviceJournal journal;
    /** Where {@code /advice} answers are worked out, in the order they were asked for. */
    private final AnswerLine answers = AnswerLine.perCore();

    /** An {@code /advice} answer on its way to the store, and what its request waits on. */
    private record PendingAudit(Store.Answer answer, CompletableFuture<Void> written) {
    }
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Javalin app;
    private final String publicUrl;

    private SciaticaService(ServiceConfig config, SciaticaAdvisor advisor, Store store, @Nullable AdviceJournal journal, Clock clock) {
        this.config = config;
        this.journal = journal;
        this.advisor = advisor;
        this.store = store;
        this.clock = clock;
        this.tokens = new TokenVerifier(config.trustedIssuers(), config.devSandbox(), clock, this::firstUseOfToken);
        this.app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.jetty.host = config.host();
            c.jetty.port = config.port();
            c.http.maxRequestSize = config.maxBodyBytes();
            // Answers are a few kB and callers are on the same network: gzip would cost each request more CPU than it saves.
            c.http.compressionStrategy = io.javalin.compression.CompressionStrategy.NONE;
            c.jetty.modifyServer(server -> server.setStopTimeout(10_000)); // in-flight requests finish on stop
            // A bounded pool: on 2 cores, Jetty's default (up to 250 threads) let 64 clients' requests share the cores by
            // time slices, which tripled the p99 against requests waiting in line for one of 16 threads.
            QueuedThreadPool pool = new QueuedThreadPool(config.threads(), Math.min(8, config.threads()));
            pool.setName("JettyServerThreadPool");
            c.jetty.threadPool = pool;
            c.requestLogger.http(this::logRequest);
            routes(c.routes);
        });
        io.micrometer.core.instrument.Gauge.builder("sciatica_answers_waiting", answers, AnswerLine::waiting)
                .description("/advice answers waiting their turn to be worked out").register(metrics);
        app.start();
        this.publicUrl = config.publicUrl() != null ? stripSlash(config.publicUrl())
                : "http://" + (config.host().contains(":") ? "[" + config.host() + "]" : config.host()) + ":" + app.port();
        if (journal == null) {
            this.auditWriter = new Thread(this::writeAdviceAudit, "advice-audit");
            auditWriter.setDaemon(true);
            auditWriter.start();
        } else {
            this.auditWriter = null;
        }
        if (config.devSandbox()) {
            LOG.warn("event=dev_sandbox_on issuer={} note=\"tokens signed with the CDS Hooks sandbox's public key are accepted; "
                    + "anyone can sign them; development only\"", TokenVerifier.SANDBOX_ISSUER);
        }
        LOG.info("event=started url={} store={} advice_audit={} rules_version=\"{}\" issuers={} cors_origins={}", publicUrl,
                Store.redact(config.jdbcUrl()), config.adviceAudit().name().toLowerCase(Locale.ROOT), advisor.rulesVersion(),
                config.trustedIssuers().keySet(), config.corsOrigins());
    }

    /**
     * Loads the rules, opens the store and starts listening.
     *
     * @param config the configuration
     * @return the running service
     */
    public static SciaticaService start(ServiceConfig config) {
        return start(config, Clock.systemUTC());
    }

    static SciaticaService start(ServiceConfig config, Clock clock) {
        SciaticaAdvisor.Builder builder = SciaticaAdvisor.builder();
        config.ruleDirectories().forEach(builder::addRuleDirectory);
        SciaticaAdvisor advisor = builder.build();
        Thread fhir = new Thread(FhirMapping::context, "fhir-context"); // seconds to build: off the start-up path
        fhir.setDaemon(true);
        fhir.start();
        if (config.store() == null) {
            try {
                java.nio.file.Files.createDirectories(config.dataDir());
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot create the data directory " + config.dataDir() + ": " + e.getMessage(), e);
            }
        }
        Store store = Store.open(config.jdbcUrl());
        AdviceJournal journal = null;
        try {
            if (config.adviceAudit() == ServiceConfig.AdviceAudit.JOURNAL) {
                journal = AdviceJournal.open(config.dataDir().resolve("advice-journal"), store);
            }
            return new SciaticaService(config, advisor, store, journal, clock);
        } catch (RuntimeException e) {
            if (journal != null) {
                journal.close();
            }
            store.close();
            throw e;
        }
    }

    /** @return the port the service listens on */
    public int port() {
        return app.port();
    }

    /** @return the address callers use, without a trailing slash */
    public String url() {
        return publicUrl;
    }

    Store store() {
        return store;
    }

    /** Stops taking requests, lets those in flight finish, writes the queued audit, closes the store. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info("event=stopping");
        app.stop();
        answers.close();
        if (journal != null) {
            journal.close();
        } else {
            auditWriter.interrupt();
            try {
                auditWriter.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            drainAdviceAudit();
        }
        store.close();
        LOG.info("event=stopped");
    }

    private void routes(io.javalin.config.RoutesConfig r) {
        r.before(this::cors);
        r.before(this::limitBody);
        r.get("/health", ctx -> ctx.contentType("application/json").result("{\"status\":\"UP\"}"));
        r.get("/ready", this::ready);
        r.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
        r.get("/cds-services", this::discovery);
        r.post("/cds-services/{id}", this::hook);
        r.post("/cds-services/{id}/feedback", this::feedback);
        r.post("/advice", this::advice);
        r.get("/fhir/Questionnaire/sciatica-intake", ctx -> ctx.contentType("application/fhir+json").result(Intake.questionnaireJson()));
        r.get("/report/overrides", this::overrideReport);
        r.get("/", ctx -> page(ctx, "index.html", "text/html; charset=utf-8"));
        r.get("/app.js", ctx -> page(ctx, "app.js", "text/javascript; charset=utf-8"));
        r.get("/style.css", ctx -> page(ctx, "style.css", "text/css; charset=utf-8"));
        r.get("/api/vocabulary", this::vocabulary);
        r.get("/api/reports/{answerId}", this::reportJson);
        r.get("/reports/{answerId}", ctx -> page(ctx, "index.html", "text/html; charset=utf-8"));
        r.get("/rules", ctx -> {
            pageAuth(ctx);
            ctx.contentType("text/markdown; charset=utf-8").result(RuleCatalog.markdown(advisor));
        });
        r.get("/decision-matrix.svg", ctx -> {
            pageAuth(ctx);
            ctx.contentType("image/svg+xml").result(DecisionMatrix.svg(advisor));
        });
        r.exception(HttpError.class, (e, ctx) -> {
            ctx.status(e.status);
            if (e.status == HttpError.UNAUTHORIZED) {
                ctx.result("");
            } else {
                ctx.contentType("application/json").result(Json.error(e.field, e.getMessage()));
            }
        });
        r.exception(Store.Unavailable.class, (e, ctx) -> {
            LOG.warn("event=store_unavailable path={} reason=\"{}\"", ctx.path(), e.getMessage());
            ctx.status(503).contentType("application/json").result(Json.error(null, "the store is unavailable; nothing was stored, try again"));
        });
        r.exception(io.javalin.http.HttpResponseException.class, (e, ctx) -> {
            int status = e.getStatus();
            String message = status == 413 ? "the request body is larger than " + config.maxBodyBytes() + " bytes" : e.getMessage();
            ctx.status(status).contentType("application/json").result(Json.error(null, message));
        });
        r.exception(Exception.class, (e, ctx) -> {
            LOG.error("event=internal_error path={}", ctx.path(), e);
            ctx.status(500).contentType("application/json").result(Json.error(null, "internal error; the service log has the details"));
        });
    }

    // ---- cross-cutting: CORS, body limit, content type, authentication of the non-CDS endpoints

    private void cors(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) {
            return;
        }
        boolean allowed = config.corsOrigins().contains(origin);
        if (ctx.method().name().equals("OPTIONS")) {
            if (!allowed) {
                ctx.status(403).contentType("application/json").result(Json.error(null, "origin " + origin + " is not allowed"));
            } else {
                allowHeaders(ctx, origin);
                ctx.header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
                ctx.header("Access-Control-Allow-Headers", "Authorization, Content-Type");
                ctx.header("Access-Control-Max-Age", "600");
                ctx.status(204);
            }
            ctx.skipRemainingHandlers();
        } else if (allowed) {
            allowHeaders(ctx, origin);
        }
    }

    private static void allowHeaders(Context ctx, String origin) {
        ctx.header("Access-Control-Allow-Origin", origin);
        ctx.header("Vary", "Origin");
    }

    private void limitBody(Context ctx) {
        long length = ctx.req().getContentLengthLong();
        if (length > config.maxBodyBytes()) {
            ctx.header("Connection", "close");
            throw new HttpError(413, null, "the request body is " + length + " bytes; at most " + config.maxBodyBytes() + " are accepted");
        }
    }

    private static void requireJson(Context ctx) {
        String type = ctx.contentType();
        String base = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!base.equals("application/json") && !base.equals("application/fhir+json")) {
            throw new HttpError(415, null, "the body must be JSON (Content-Type: application/json), was "
                    + (type == null ? "no Content-Type" : type));
        }
    }

    /** Off loopback, the page, the plain endpoint and the report need a client's JWT or the page key. */
    private void pageAuth(Context ctx) {
        if (config.loopbackOnly()) {
            return;
        }
        String authorization = ctx.header("Authorization");
        if (config.pageKey() != null && authorization != null) {
            String key = null;
            if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                try {
                    String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                    key = decoded.substring(decoded.indexOf(':') + 1);
                } catch (IllegalArgumentException e) {
                    key = null;
                }
            }
            if (key != null && MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8), config.pageKey().getBytes(StandardCharsets.UTF_8))) {
                return;
            }
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            tokens.verify(authorization, publicUrl + ctx.path());
            return;
        }
        ctx.header("WWW-Authenticate", "Basic realm=\"Sciatica Advisor\", charset=\"UTF-8\"");
        throw HttpError.unauthorized();
    }

    // ---- operations

    private void ready(Context ctx) {
        boolean reachable = store.reachable();
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("status", reachable ? "READY" : "NOT_READY");
        body.put("rulesVersion", advisor.rulesVersion());
        body.put("rules", advisor.rules().size());
        body.put("store", reachable ? "reachable" : "unreachable");
        ctx.status(reachable ? 200 : 503).contentType("application/json").result(body.toString());
    }

    private void logRequest(Context ctx, Float ms) {
        String route;
        try {
            route = ctx.endpoint().path;
        } catch (RuntimeException e) {
            route = "unmatched";
        }
        int status = ctx.statusCode();
        String method = ctx.method().name();
        String r = route;
        timers.computeIfAbsent(method + " " + route + " " + status, k -> Timer.builder("sciatica_http_requests")
                        .description("HTTP requests by route and status").tag("method", method).tag("route", r)
                        .tag("status", String.valueOf(status)).register(metrics))
                .record((long) (ms * 1_000_000), TimeUnit.NANOSECONDS);
        // A refused or failed request is logged at INFO; an answered one at DEBUG only: a synchronous log line per
        // answered request cost the hot path more than the HTTP server did (their counts and latency are in /metrics).
        if (status >= 400 ? LOG.isInfoEnabled() : LOG.isDebugEnabled()) {
            String line = "event=request method=" + method + " path=" + route + " status=" + status + " ms="
                    + String.format(Locale.ROOT, "%.2f", ms);
            if (status >= 400) {
                LOG.info(line);
            } else {
                LOG.debug(line);
            }
        }
    }

    // ---- CDS Hooks

    private void discovery(Context ctx) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode services = root.putArray("services");
        for (ServiceDef def : SERVICES.values()) {
            ObjectNode s = services.addObject();
            s.put("hook", def.hook());
            s.put("title", def.title());
            s.put("description", def.description());
            s.put("id", def.id());
            ObjectNode prefetch = s.putObject("prefetch");
            FhirMapping.PREFETCH.forEach(prefetch::put);
            s.put("usageRequirements", "Complete the intake Questionnaire " + FhirMapping.INTAKE_CANONICAL
                    + " (served at " + publicUrl + "/fhir/Questionnaire/sciatica-intake) for advice beyond red flags.");
        }
        ctx.contentType("application/json").result(root.toString());
    }

    private ServiceDef service(Context ctx) {
        ServiceDef def = SERVICES.get(ctx.pathParam("id"));
        if (def == null) {
            throw new HttpError(404, null, "no CDS service '" + ctx.pathParam("id") + "'; this server offers "
                    + String.join(", ", SERVICES.keySet()));
        }
        return def;
    }

    private void hook(Context ctx) {
        ServiceDef def = service(ctx);
        requireJson(ctx);
        tokens.verify(ctx.header("Authorization"), publicUrl + ctx.path());
        ObjectNode body = Json.object(ctx.body());
        String hook = requiredText(body, "hook", "hook");
        if (!hook.equals(def.hook())) {
            throw HttpError.badRequest("hook", "hook must be " + def.hook() + " for the service " + def.id() + ", was " + hook);
        }
        String hookInstance = requiredText(body, "hookInstance", "hookInstance");
        JsonNode context = body.get("context");
        if (context == null || !context.isObject()) {
            throw HttpError.badRequest("context", "context must be a JSON object with the hook's context");
        }
        requiredText(context, "patientId", "context.patientId");
        // order-sign and appointment-book answer only for massage: the draft orders or proposed appointments it names
        List<Massage> massage = switch (def.hook()) {
            case "order-sign" -> massageOrders(context.get("draftOrders"));
            case "appointment-book" -> massageAppointments(context.get("appointments"));
            default -> null;
        };
        if (massage != null && massage.isEmpty()) {
            audit(def.id(), hookInstance, null, null, null, List.of());
            respond(ctx, List.of());
            return;
        }
        Map<String, Resource> prefetch = prefetch(body, (ObjectNode) context);
        FhirMapping.Mapped mapped = FhirMapping.map(prefetch, LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        ObjectNode fields = mapped.assessment();
        fields.put("id", hookInstance);
        if (!mapped.missing().isEmpty()) {
            if (mapped.recordRedFlags().isEmpty()) {
                CdsHooks.Card card = CdsHooks.missingInformation(mapped.missing(), publicUrl + "/", hookInstance, advisor.rulesVersion());
                audit(def.id(), hookInstance, null, null, null, List.of(card));
                count(List.of(card));
                respond(ctx, List.of(card));
                return;
            }
            // A red flag in the record refers whatever the rest is: what no one has assessed yet is taken at its
            // most cautious, which can only make the referral more urgent, never less (safety line 14).
            fields.putIfAbsent("cause", Json.MAPPER.getNodeFactory().textNode("UNKNOWN"));
            fields.putIfAbsent("sensitivity", Json.MAPPER.getNodeFactory().textNode("HIGH"));
            fields.putIfAbsent("inflammation", Json.MAPPER.getNodeFactory().textNode("ACUTE"));
            fields.putIfAbsent("painLevel", Json.MAPPER.getNodeFactory().numberNode(10));
        }
        Assessment assessment;
        try {
            assessment = AssessmentJson.parse(fields.toString());
        } catch (InvalidAssessmentException e) {
            throw new HttpError(422, e.field() == null ? null : "intake." + e.field(), "the intake or record gives an invalid assessment: " + e.getMessage());
        }
        Recommendation r = advise(assessment);
        String answerId = AnswerIds.next(clock);
        List<CdsHooks.Card> cards = CdsHooks.cards(r, new CdsHooks.Options(hookInstance, publicUrl + "/reports/" + answerId));
        if (r.referral() != null && massage != null) {
            suggest(cards.get(0), massage);
        }
        auditOrWarn(new Store.Answer(answerId, clock.instant(), def.id(), hookInstance, r.rulesVersion(), hash(fields),
                r.disposition().name(), DeflatedJson.of(RecommendationJson.compactUtf8(r)), records(cards)));
        count(cards);
        respond(ctx, cards);
    }

    /** {@code {"cards": [...]}}, compact (the library's {@code CdsHooks.response} indents, for people). */
    private static void respond(Context ctx, List<CdsHooks.Card> cards) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode array = root.putArray("cards");
        cards.forEach(c -> array.add(c.json()));
        ctx.contentType("application/json").result(root.toString());
    }

    /** A massage order or appointment in a hook's context: its reference, and its JSON as the client sent it. */
    private record Massage(String reference, @Nullable String id, ObjectNode json) {
    }

    /**
     * The referral card's suggestions (CDS Hooks 2.0, each with a uuid, name-based on the card's, so a retried call
     * gives the same): on order-sign, delete each draft massage order ({@code resourceId}); on appointment-book,
     * cancel each proposed massage appointment (an update to status cancelled). An order or appointment without an
     * id cannot be named, and gets no suggestion.
     */
    private static void suggest(CdsHooks.Card card, List<Massage> massage) {
        ArrayNode suggestions = Json.MAPPER.createArrayNode();
        for (Massage m : massage) {
            if (m.id() == null) {
                continue;
            }
            ObjectNode suggestion = suggestions.addObject();
            boolean order = m.reference().startsWith("ServiceRequest/");
            suggestion.put("label", order ? "Delete the draft massage therapy order" : "Cancel the proposed massage therapy appointment");
            suggestion.put("uuid", UUID.nameUUIDFromBytes((card.uuid() + "|suggestion|" + m.reference()).getBytes(StandardCharsets.UTF_8)).toString());
            suggestion.put("isRecommended", true);
            ObjectNode action = suggestion.putArray("actions").addObject();
            if (order) {
                action.put("type", "delete");
                action.put("description", "Delete " + m.reference() + ": refer the client before any massage");
                action.putArray("resourceId").add(m.reference());
            } else {
                ObjectNode cancelled = m.json().deepCopy();
                cancelled.put("status", "cancelled");
                cancelled.putObject("cancelationReason").put("text", "Referred on before any massage: " + card.summary());
                action.put("type", "update");
                action.put("description", "Cancel " + m.reference() + ": refer the client before any massage");
                action.set("resource", cancelled);
            }
        }
        if (!suggestions.isEmpty()) {
            card.json().set("suggestions", suggestions);
        }
    }

    private Recommendation advise(Assessment assessment) {
        try {
            return advisor.advise(assessment);
        } catch (SafetyViolationException e) {
            LOG.error("event=safety_violation message=\"{}\"", e.getMessage());
            throw new HttpError(500, null, "the rules gave an answer the safety monitor refused: " + e.getMessage());
        }
    }

    private static List<Massage> massageOrders(@Nullable JsonNode draftOrders) {
        List<Massage> found = new ArrayList<>();
        contextBundle(draftOrders, "context.draftOrders", "order-sign needs context.draftOrders, a Bundle of the orders being signed",
                (resource, json) -> {
                    if (resource instanceof ServiceRequest sr && FhirMapping.isMassage(sr)) {
                        String id = sr.getIdElement().getIdPart();
                        found.add(new Massage("ServiceRequest/" + id, id, json));
                    }
                });
        return found;
    }

    /** The proposed appointments for massage therapy (status {@code proposed}, as appointment-book sends them). */
    private static List<Massage> massageAppointments(@Nullable JsonNode appointments) {
        List<Massage> found = new ArrayList<>();
        contextBundle(appointments, "context.appointments", "appointment-book needs context.appointments, a Bundle of the proposed appointments",
                (resource, json) -> {
                    if (resource instanceof org.hl7.fhir.r4.model.Appointment a && a.getStatus() == org.hl7.fhir.r4.model.Appointment.AppointmentStatus.PROPOSED
                            && FhirMapping.isMassage(a)) {
                        String id = a.getIdElement().getIdPart();
                        found.add(new Massage("Appointment/" + id, id, json));
                    }
                });
        return found;
    }

    /** Parses a context Bundle and hands each entry's resource, with its JSON as sent, to {@code each}. */
    private static void contextBundle(@Nullable JsonNode node, String field, String missing,
                                      java.util.function.BiConsumer<Resource, ObjectNode> each) {
        if (node == null || node.isNull()) {
            throw HttpError.badRequest(field, missing);
        }
        Resource bundle;
        try {
            bundle = (Resource) FhirMapping.context().newJsonParser().parseResource(node.toString());
        } catch (RuntimeException e) {
            throw HttpError.badRequest(field, field + " is not a FHIR R4 resource: " + e.getMessage());
        }
        if (!(bundle instanceof Bundle b)) {
            throw HttpError.badRequest(field, field + " must be a Bundle, was a " + bundle.fhirType());
        }
        JsonNode entries = node.get("entry");
        for (int i = 0; i < b.getEntry().size(); i++) {
            Resource resource = b.getEntry().get(i).getResource();
            JsonNode json = entries == null ? null : entries.path(i).get("resource");
            if (resource != null && json instanceof ObjectNode o) {
                each.accept(resource, o);
            }
        }
    }

    private Map<String, Resource> prefetch(ObjectNode body, ObjectNode context) {
        JsonNode given = body.get("prefetch");
        if (given != null && !given.isNull() && !given.isObject()) {
            throw HttpError.badRequest("prefetch", "prefetch must be a JSON object of the declared keys");
        }
        Map<String, Resource> resources = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String key : FhirMapping.PREFETCH.keySet()) {
            JsonNode value = given == null ? null : given.get(key);
            if (value == null || value.isNull()) {
                missing.add(key);
            } else {
                try {
                    resources.put(key, FhirMapping.parse(key, value.toString()));
                } catch (FhirMapping.PrefetchException e) {
                    throw HttpError.badRequest(e.field(), e.field() + " " + e.getMessage());
                }
            }
        }
        if (missing.isEmpty()) {
            return resources;
        }
        JsonNode server = body.get("fhirServer");
        JsonNode auth = body.get("fhirAuthorization");
        JsonNode token = auth == null ? null : auth.get("access_token");
        if (server == null || !server.isTextual() || token == null || !token.isTextual()) {
            throw new HttpError(412, "prefetch", "prefetch " + String.join(", ", missing)
                    + " missing, and no fhirServer with fhirAuthorization.access_token to fetch it from");
        }
        String patientId = context.get("patientId").asText();
        for (String key : missing) {
            String query = FhirMapping.PREFETCH.get(key).replace("{{context.patientId}}", patientId);
            try {
                String json = fetcher.get(server.asText(), query, token.asText());
                resources.put(key, FhirMapping.parse(key, json));
            } catch (FhirFetcher.FetchFailed e) {
                throw new HttpError(412, "prefetch." + key, "prefetch " + key + " missing and could not be fetched: " + e.getMessage());
            } catch (FhirMapping.PrefetchException e) {
                throw new HttpError(412, e.field(), "prefetch " + key + " missing and the FHIR server's answer " + e.getMessage());
            }
        }
        return resources;
    }

    private void feedback(Context ctx) {
        ServiceDef def = service(ctx);
        requireJson(ctx);
        tokens.verify(ctx.header("Authorization"), publicUrl + ctx.path());
        ObjectNode body = Json.object(ctx.body());
        JsonNode items = body.get("feedback");
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw HttpError.badRequest("feedback", "feedback must be a non-empty array of feedback items");
        }
        List<Store.Feedback> feedback = new ArrayList<>();
        int i = 0;
        for (JsonNode item : items) {
            String at = "feedback[" + i++ + "]";
            if (!item.isObject()) {
                throw HttpError.badRequest(at, at + " must be a JSON object");
            }
            String card = requiredText(item, "card", at + ".card");
            String outcome = requiredText(item, "outcome", at + ".outcome");
            if (!outcome.equals("accepted") && !outcome.equals("overridden")) {
                throw HttpError.badRequest(at + ".outcome", at + ".outcome must be accepted or overridden, was " + outcome);
            }
            Instant when;
            try {
                when = Instant.parse(requiredText(item, "outcomeTimestamp", at + ".outcomeTimestamp"));
            } catch (DateTimeParseException e) {
                try {
                    when = java.time.OffsetDateTime.parse(item.get("outcomeTimestamp").asText()).toInstant();
                } catch (DateTimeParseException e2) {
                    throw HttpError.badRequest(at + ".outcomeTimestamp", at + ".outcomeTimestamp must be an ISO 8601 instant, was "
                            + item.get("outcomeTimestamp").asText());
                }
            }
            String code = null;
            String system = null;
            String display = null;
            String comment = null;
            JsonNode override = item.get("overrideReason");
            if (override != null && !override.isNull()) {
                if (outcome.equals("accepted")) {
                    throw HttpError.badRequest(at + ".overrideReason", at + ".overrideReason is for overridden cards only");
                }
                JsonNode reason = override.get("reason");
                if (reason != null && reason.isObject()) {
                    code = textOrNull(reason, "code");
                    system = textOrNull(reason, "system");
                    display = textOrNull(reason, "display");
                }
                comment = textOrNull(override, "userComment");
            }
            List<String> accepted = new ArrayList<>();
            JsonNode suggestions = item.get("acceptedSuggestions");
            if (suggestions != null && !suggestions.isNull()) {
                if (!outcome.equals("accepted")) {
                    throw HttpError.badRequest(at + ".acceptedSuggestions", at + ".acceptedSuggestions is for accepted cards only");
                }
                if (!suggestions.isArray()) {
                    throw HttpError.badRequest(at + ".acceptedSuggestions", at + ".acceptedSuggestions must be an array of {\"id\": uuid}");
                }
                int j = 0;
                for (JsonNode s : suggestions) {
                    String f = at + ".acceptedSuggestions[" + j++ + "]";
                    if (!s.isObject()) {
                        throw HttpError.badRequest(f, f + " must be an object with the suggestion's id (its uuid)");
                    }
                    accepted.add(requiredText(s, "id", f + ".id"));
                }
            }
            feedback.add(new Store.Feedback(card, outcome, code, system, display, comment, when, accepted));
        }
        int stored;
        try {
            stored = store.recordFeedback(def.id(), feedback);
        } catch (Store.UnknownCard e) {
            throw new HttpError(404, "card", e.getMessage() + "; nothing was stored");
        } catch (Store.UnknownSuggestion e) {
            throw HttpError.badRequest("acceptedSuggestions", e.getMessage() + "; nothing was stored");
        }
        for (Store.Feedback f : feedback) {
            Counter.builder("sciatica_feedback").description("feedback items received, by outcome").tag("outcome", f.outcome())
                    .register(metrics).increment();
            if (f.outcome().equals("overridden")) {
                Counter.builder("sciatica_overrides").description("overridden cards, by reason code")
                        .tag("reason", f.reasonCode() == null ? "none" : f.reasonCode()).register(metrics).increment();
            }
        }
        LOG.info("event=feedback service={} items={} stored={}", def.id(), feedback.size(), stored);
        ctx.contentType("application/json").result("{}");
    }

    private static String requiredText(JsonNode node, String name, String field) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw HttpError.badRequest(field, field + " is required");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw HttpError.badRequest(field, field + " must be a non-empty string, was " + value);
        }
        return value.asText();
    }

    private static @Nullable String textOrNull(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    // ---- audit

    private static List<Store.CardRecord> records(List<CdsHooks.Card> cards) {
        return cards.stream().map(c -> {
            List<String> suggestions = new ArrayList<>();
            c.json().path("suggestions").forEach(s -> suggestions.add(s.get("uuid").asText()));
            return new Store.CardRecord(c.uuid(), c.indicator(), c.summary(), c.ruleIds(), suggestions);
        }).toList();
    }

    private void audit(String service, String hookInstance, @Nullable String hash, @Nullable String disposition,
                       @Nullable String json, List<CdsHooks.Card> cards) {
        auditOrWarn(new Store.Answer(AnswerIds.next(clock), clock.instant(), service, hookInstance, advisor.rulesVersion(),
                hash, disposition, json == null ? null : DeflatedJson.of(json), records(cards)));
    }

    /**
     * A token's first use across the instances sharing the store; a store that cannot be reached leaves the check to
     * this instance's memory (advice goes on when the store is down), with a WARN.
     */
    private boolean firstUseOfToken(String key, long expiresAt, long now) {
        try {
            return store.firstUseOfToken(key, expiresAt, now);
        } catch (Store.Unavailable e) {
            LOG.warn("event=token_record_failed note=\"replays are refused by this instance only until the store is back\" reason=\"{}\"",
                    e.getMessage());
            return true;
        }
    }

    /** Records a hook's answer before it is sent (its cards can then take feedback); a store that is down does not stop advice. */
    private void auditOrWarn(Store.Answer answer) {
        try {
            store.recordAnswer(answer);
        } catch (Store.Unavailable e) {
            LOG.warn("event=audit_failed service={} answer={} reason=\"{}\"", answer.service(), answer.answerId(), e.getMessage());
        }
    }

    private void count(List<CdsHooks.Card> cards) {
        for (CdsHooks.Card card : cards) {
            Counter.builder("sciatica_cards").description("cards given, by indicator").tag("indicator", card.indicator())
                    .register(metrics).increment();
        }
    }

    /** The hash of an assessment the library has accepted, as a hook's ({@link #hash}): the same fields, the same hash. */
    private static String adviceHash(String body) {
        try {
            return hash((ObjectNode) Json.MAPPER.readTree(body));
        } catch (IOException e) {
            throw new IllegalStateException("an assessment the library parsed is not JSON: " + e.getMessage(), e);
        }
    }

    static String hash(ObjectNode assessment) {
        ObjectNode canonical = assessment.deepCopy();
        canonical.remove("id");
        java.util.TreeMap<String, JsonNode> sorted = new java.util.TreeMap<>();
        canonical.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (v.isArray()) {
                List<String> items = new ArrayList<>();
                v.forEach(x -> items.add(x.asText()));
                items.sort(null);
                ArrayNode a = Json.MAPPER.createArrayNode();
                items.stream().distinct().forEach(a::add);
                v = a;
            }
            sorted.put(e.getKey(), v);
        });
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Json.write(sorted).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes the plain endpoint's audit: a group commit. Each request queues its row and waits until
     * it is committed, so an answer sent is an answer recorded (a crash loses none); the writer takes
     * every row queued while it was committing the previous group, at most {@link #AUDIT_BATCH}, in
     * one transaction. One client pays a commit per answer; many clients share one. A commit (the
     * embedded store writes its file on each) costs more than the inserts of a whole group, so one
     * commit per answer under load made the writer the largest consumer of CPU beside the rules.
     */
    private void writeAdviceAudit() {
        List<PendingAudit> group = new ArrayList<>();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                group.add(adviceAudit.take());
            } catch (InterruptedException e) {
                return; // close() drains what is left
            }
            adviceAudit.drainTo(group, AUDIT_BATCH - 1);
            writeAudit(group);
            group.clear();
        }
    }

    private void drainAdviceAudit() {
        List<PendingAudit> group = new ArrayList<>();
        while (adviceAudit.drainTo(group, AUDIT_BATCH) > 0) {
            writeAudit(group);
            group.clear();
        }
    }

    /** Commits a group of audit rows and releases the requests waiting on them, whatever happens. */
    private void writeAudit(List<PendingAudit> group) {
        try {
            store.recordAnswers(group.stream().map(PendingAudit::answer).toList());
        } catch (Store.Unavailable e) {
            LOG.warn("event=audit_failed service=advice answers={} reason=\"{}\"", group.size(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("event=audit_failed service=advice answers={} reason=\"{}\"", group.size(), e.toString());
        } finally {
            group.forEach(p -> p.written().complete(null));
        }
    }

    // ---- plain JSON and the page

    /**
     * {@code POST /advice}. The HTTP thread checks the caller and reads the body; the answer is worked out in the
     * {@link AnswerLine}, in the order requests came in, and its audit row is written (journal) or queued (commit)
     * there; the answer is sent once the row is recorded.
     */
    private void advice(Context ctx) {
        pageAuth(ctx);
        requireJson(ctx);
        String body = ctx.body();
        CompletableFuture<Answered> answered;
        try {
            answered = answers.submit(() -> answer(body));
        } catch (AnswerLine.Full e) {
            ctx.header("Retry-After", "1");
            throw new HttpError(503, null, "the service is answering as fast as it can; too many answers wait, try again");
        }
        CompletableFuture<Answered> sendable = answered.thenCompose(a -> a.recorded().thenApply(ignored -> a));
        if (sendable.isDone()) { // worked out on this thread (the line was idle) and recorded: no hand-over
            send(ctx, sendable.join());
        } else {
            ctx.future(() -> sendable.thenAccept(a -> send(ctx, a)));
        }
    }

    private static void send(Context ctx, Answered a) {
        ctx.header("Location", "/reports/" + a.answerId());
        ctx.contentType("application/json");
        // Written here rather than through result(): Javalin copies a result through a fresh 8 kB buffer, a tenth of
        // what the service allocated per answer.
        ctx.res().setContentLength(a.json().length);
        try {
            ctx.outputStream().write(a.json());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An answer worked out, and when its audit row is recorded (at once with the journal; the group commit later). */
    private record Answered(String answerId, byte[] json, CompletableFuture<Void> recorded) {
    }

    private Answered answer(String body) {
        Assessment assessment;
        try {
            assessment = AssessmentJson.parse(body);
        } catch (InvalidAssessmentException e) {
            throw HttpError.badRequest(e.field(), e.getMessage());
        }
        Recommendation r = advise(assessment);
        byte[] json = RecommendationJson.compactUtf8(r);
        String answerId = AnswerIds.next(clock);
        Store.Answer row = new Store.Answer(answerId, clock.instant(), "advice", null, r.rulesVersion(),
                adviceHash(body), r.disposition().name(), DeflatedJson.of(json), List.of());
        if (journal != null) {
            try {
                journal.append(row); // the answer leaves only once its row is in the journal file
            } catch (IOException e) {
                LOG.warn("event=audit_failed service=advice answer={} reason=\"{}\"", answerId, e.toString());
            }
            return new Answered(answerId, json, CompletableFuture.completedFuture(null));
        }
        return new Answered(answerId, json, commitAudit(row));
    }

    /**
     * Queues the row for the group commit (waiting up to {@link #AUDIT_WAIT_SECONDS} for room); the future completes
     * when it is committed, or after {@link #AUDIT_WAIT_SECONDS} more when the store is slow or down (logged): a store
     * that is slow or down does not stop advice.
     */
    private CompletableFuture<Void> commitAudit(Store.Answer row) {
        String answerId = row.answerId();
        PendingAudit audit = new PendingAudit(row, new CompletableFuture<>());
        try {
            if (!adviceAudit.offer(audit, AUDIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("event=audit_queue_full answer={}", answerId);
                return CompletableFuture.completedFuture(null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("event=audit_not_confirmed answer={} reason=interrupted", answerId);
            return CompletableFuture.completedFuture(null);
        }
        return audit.written().orTimeout(AUDIT_WAIT_SECONDS, TimeUnit.SECONDS).exceptionally(e -> {
            LOG.warn("event=audit_not_confirmed answer={} reason=\"{}\"", answerId, e.toString());
            return null;
        });
    }

    private void reportJson(Context ctx) {
        pageAuth(ctx);
        String answerId = ctx.pathParam("answerId");
        Optional<String> unmoved = journal == null ? Optional.empty() : journal.unmovedJson(answerId);
        String json = (unmoved.isPresent() ? unmoved : store.answerJson(answerId))
                .orElseThrow(() -> new HttpError(404, "answerId", "no answer " + answerId));
        ctx.contentType("application/json").result(json);
    }

    private void overrideReport(Context ctx) {
        pageAuth(ctx);
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode rules = root.putArray("rules");
        for (Store.RuleFeedback f : store.overrideReport()) {
            ObjectNode rule = rules.addObject();
            rule.put("ruleId", f.ruleId());
            rule.put("accepted", f.accepted());
            rule.put("overridden", f.overridden());
            ObjectNode reasons = rule.putObject("overridesByReason");
            new java.util.TreeMap<>(f.overridesByReason()).forEach(reasons::put);
        }
        ctx.contentType("application/json").result(root.toString());
    }

    private void vocabulary(Context ctx) {
        pageAuth(ctx);
        ctx.contentType("application/fhir+json").result(Intake.questionnaireJson());
    }

    private void page(Context ctx, String resource, String type) throws IOException {
        pageAuth(ctx);
        try (InputStream in = SciaticaService.class.getResourceAsStream("web/" + resource)) {
            if (in == null) {
                throw new HttpError(404, null, "no page " + resource);
            }
            ctx.contentType(type).result(in.readAllBytes());
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
