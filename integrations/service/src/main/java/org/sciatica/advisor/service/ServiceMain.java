package org.sciatica.advisor.service;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.sciatica.advisor.RuleLoadException;
import org.sciatica.advisor.service.store.Store;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar target/sciatica-service.jar [serve] [options]} starts the service;
 * {@code ... report [--store URL]} prints the override report. Every option also reads an environment
 * variable (named in its help), so a container needs no arguments.
 */
@Command(name = "sciatica-service", mixinStandardHelpOptions = true, subcommands = {ServiceMain.Report.class},
        description = "The Sciatica Advisor point-of-care service: CDS Hooks 2.0, POST /advice, a page for therapists.")
public final class ServiceMain implements Callable<Integer> {
    @Option(names = "--host", defaultValue = "${env:SCIATICA_HOST:-127.0.0.1}",
            description = "Address to listen on (env SCIATICA_HOST; default ${DEFAULT-VALUE}, loopback only).")
    String host;

    @Option(names = "--port", defaultValue = "${env:SCIATICA_PORT:-8080}", description = "Port (env SCIATICA_PORT; default ${DEFAULT-VALUE}; 0: any free port).")
    int port;

    @Option(names = "--public-url", defaultValue = "${env:SCIATICA_PUBLIC_URL}",
            description = "The address callers use, e.g. https://cds.example.org (env SCIATICA_PUBLIC_URL); a JWT's aud must be it plus the path.")
    String publicUrl;

    @Option(names = "--rules", paramLabel = "DIR", split = ",", defaultValue = "${env:SCIATICA_RULES}",
            description = "Rule directory added to the bundled rules; repeat or comma-separate (env SCIATICA_RULES).")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--store", defaultValue = "${env:SCIATICA_STORE}",
            description = "A jdbc: URL, e.g. jdbc:postgresql://db/sciatica?user=u&password=p (env SCIATICA_STORE); default: the embedded store in --data-dir.")
    String store;

    @Option(names = "--data-dir", defaultValue = "${env:SCIATICA_DATA_DIR:-data}",
            description = "Where the embedded store lives (env SCIATICA_DATA_DIR; default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--trusted-issuer", paramLabel = "ISS=JWKS", split = ";", defaultValue = "${env:SCIATICA_TRUSTED_ISSUERS}",
            description = "An EHR allowed to call: its iss and its JWK Set, a file or an https address its tokens may name as jku; "
                    + "repeat, or ';'-separate (env SCIATICA_TRUSTED_ISSUERS).")
    List<String> issuers = new ArrayList<>();

    @Option(names = "--cors-origin", paramLabel = "ORIGIN", split = ",", defaultValue = "${env:SCIATICA_CORS_ORIGINS}",
            description = "A browser origin allowed to call, e.g. https://sandbox.cds-hooks.org; repeat or comma-separate (env SCIATICA_CORS_ORIGINS).")
    List<String> corsOrigins = new ArrayList<>();

    @Option(names = "--page-key", defaultValue = "${env:SCIATICA_PAGE_KEY}",
            description = "Off loopback: the key (HTTP Basic password) for the page, /advice and the report (env SCIATICA_PAGE_KEY).")
    String pageKey;

    @Option(names = "--dev-sandbox", defaultValue = "${env:SCIATICA_DEV_SANDBOX:-false}",
            description = "Development only: accept tokens signed with the public CDS Hooks sandbox key (env SCIATICA_DEV_SANDBOX).")
    boolean devSandbox;

    @Option(names = "--max-body", defaultValue = "${env:SCIATICA_MAX_BODY:-1048576}",
            description = "Largest request body in bytes (env SCIATICA_MAX_BODY; default ${DEFAULT-VALUE}).")
    long maxBody;

    @Option(names = "--advice-audit", paramLabel = "journal|commit", defaultValue = "${env:SCIATICA_ADVICE_AUDIT}",
            description = "How /advice records an answer before sending it: journal (a file write in --data-dir, moved to the store "
                    + "within 0.05 s) or commit (a store commit); both survive a killed process (env SCIATICA_ADVICE_AUDIT; "
                    + "default: journal with the embedded store, commit with --store).")
    String adviceAudit;

    @Option(names = "--threads", defaultValue = "${env:SCIATICA_THREADS:-" + ServiceConfig.DEFAULT_THREADS + "}",
            description = "The most requests handled at once; more wait in line (env SCIATICA_THREADS; default ${DEFAULT-VALUE}). "
                    + "Raise it when many hook calls wait on a slow FHIR server.")
    int threads;

    /** Starts the service from the command line. */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new ServiceMain());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println(e instanceof RuleLoadException ? e.getMessage() : "sciatica-service: " + e.getMessage());
            return 2;
        });
        cl.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println(e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return 2;
        });
        return cl.execute(args);
    }

    ServiceConfig config() {
        Map<String, String> trusted = new LinkedHashMap<>();
        for (String issuer : issuers) {
            if (issuer.isBlank()) {
                continue;
            }
            int eq = issuer.lastIndexOf('=');
            if (eq <= 0 || eq == issuer.length() - 1) {
                throw new IllegalArgumentException("--trusted-issuer must be ISS=JWKS, was '" + issuer + "'");
            }
            trusted.put(issuer.substring(0, eq), issuer.substring(eq + 1));
        }
        List<String> origins = corsOrigins.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        return new ServiceConfig(host, port, blank(publicUrl), rules, blank(store), dataDir, trusted, origins, blank(pageKey),
                devSandbox, maxBody, adviceAudit(blank(adviceAudit), blank(store) == null), threads);
    }

    private static ServiceConfig.AdviceAudit adviceAudit(String value, boolean embedded) {
        if (value == null) {
            return embedded ? ServiceConfig.AdviceAudit.JOURNAL : ServiceConfig.AdviceAudit.COMMIT;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "journal" -> ServiceConfig.AdviceAudit.JOURNAL;
            case "commit" -> ServiceConfig.AdviceAudit.COMMIT;
            default -> throw new IllegalArgumentException("--advice-audit must be journal or commit, was '" + value + "'");
        };
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public Integer call() throws InterruptedException {
        ServiceConfig config = config();
        if (!config.loopbackOnly() && config.pageKey() == null && config.trustedIssuers().isEmpty()) {
            System.err.println("sciatica-service: off loopback, give --page-key or --trusted-issuer: the page, /advice and the report need one");
            return 2;
        }
        SciaticaService service = SciaticaService.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close(); // SIGTERM: stop taking requests, finish those in flight, close the store
            stopped.countDown();
        }, "shutdown"));
        System.out.println("Sciatica Advisor service on " + service.url() + " (discovery: " + service.url() + "/cds-services)");
        stopped.await();
        return 0;
    }

    /** Prints the override report of a store. */
    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "Print the override report: per rule, cards accepted and overridden, overrides by reason (JSON lines).")
    static final class Report implements Callable<Integer> {
        @Option(names = "--store", defaultValue = "${env:SCIATICA_STORE}", description = "A jdbc: URL (env SCIATICA_STORE); default: the embedded store in --data-dir.")
        String store;

        @Option(names = "--data-dir", defaultValue = "${env:SCIATICA_DATA_DIR:-data}", description = "Where the embedded store lives (default ${DEFAULT-VALUE}).")
        Path dataDir;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            ServiceConfig config = ServiceConfig.defaults(0, dataDir).with(blank(store), Map.of(), List.of(), null, false);
            try (Store s = Store.open(config.jdbcUrl())) {
                for (Store.RuleFeedback f : s.overrideReport()) {
                    spec.commandLine().getOut().println(Json.write(Map.of("ruleId", f.ruleId(), "accepted", f.accepted(),
                            "overridden", f.overridden(), "overridesByReason", new java.util.TreeMap<>(f.overridesByReason()))));
                }
            }
            return 0;
        }
    }
}
