package org.sciatica.advisor.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.get_json_object;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.PrintStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;

import org.sciatica.advisor.Impact;
import org.sciatica.advisor.ImpactReport;
import org.sciatica.advisor.Recommendation;
import org.sciatica.advisor.RuleLoadException;
import org.sciatica.advisor.RuleProblem;

/**
 * Sciatica Advisor on Apache Spark: the command line's {@code --batch} and {@code --impact} at
 * cluster scale.
 *
 * <ul>
 *   <li>{@code advise}: assessments in (JSON lines, or Parquet with columns named like the JSON
 *       fields, sets as arrays of strings), answers out as JSON lines byte-identical to
 *       {@code --batch} (the part files, in name order, make its output) and as Parquet (line, id,
 *       disposition, urgency, firstTechnique, error, json). A bad line becomes {@code --batch}'s error
 *       line, never a failed job.</li>
 *   <li>{@code impact}: each partition tallies its lines with {@link Impact#tally()}, the driver
 *       merges the tallies in input order with {@code addAll} and writes {@code --impact}'s report
 *       (text, json or markdown); exit 3 when an answer became less cautious or unsafe.</li>
 * </ul>
 *
 * <p>Lines are numbered as {@code --batch} numbers them (blank lines counted, the line index of the
 * input); a Parquet row's number is its position. Each JVM loads each rule set once ({@link Advisors}).
 */
public final class AdviseJob {
    /** Exit code: {@code impact} found an answer that became less cautious, or one the safety monitor refused. */
    public static final int LESS_CAUTIOUS = 3;

    static final String USAGE = """
            Usage: AdviseJob advise --input PATH [--input-format jsonl|parquet] [--rules DIR]... [--no-bundled]
                                    [--allow-replacing-protected-rules] [--json-out DIR] [--parquet-out DIR] [--compact]
                                    [--overwrite] [--master URL]
                   AdviseJob impact --input PATH [--input-format jsonl|parquet] [--baseline DIR]... [--candidate DIR]...
                                    [--no-bundled] [--allow-replacing-protected-rules] [--format text|json|markdown]
                                    [--report FILE] [--master URL]

            advise   answers every assessment as --batch does: --json-out DIR gets JSON lines (its part files, in
                     name order, are --batch's output byte for byte), --parquet-out DIR gets Parquet (line, id,
                     disposition, urgency, firstTechnique, error, json). --compact writes each answer's json in
                     the compact form of --batch --compact (decisions and ids; texts from the rule catalog).
                     Exit 1 when some lines were bad.
            impact   compares the baseline rules (bundled plus each --baseline DIR) with the candidate rules
                     (bundled plus each --candidate DIR) as --impact does; the report goes to --report FILE or
                     standard output. Exit 3 when an answer became less cautious or unsafe, 1 for bad lines.
            Rule directories are read at the same path on the driver and on every executor. --master defaults to
            spark-submit's, else local[*]. Exit 2: bad usage, rules that do not load, or a failure (unreadable
            input, an output folder that exists without --overwrite).
            """;

    private AdviseJob() {
    }

    /**
     * One input line: its 1-based number (the line index; for Parquet, the row's position) and its bytes
     * without the {@code \n}.
     *
     * @param number the line number
     * @param bytes  the line's bytes
     */
    public record Line(long number, byte[] bytes) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * Runs the job and exits with its code.
     *
     * @param args {@code advise ...} or {@code impact ...}; see {@link #USAGE}
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the job in the active Spark session, or in a new one stopped at the end.
     *
     * @param args the arguments
     * @param out  where the impact report goes without {@code --report}
     * @param err  where problems and the summary go
     * @return the exit code: 0, 1 (some lines bad), 2 (bad usage, rules that do not load, or a failure such as
     *         unreadable input or an output folder that exists), 3 (less cautious or unsafe)
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("sciatica-advisor-spark: " + e.getMessage());
            err.print(USAGE);
            return CommandLineFormats.BAD_INPUT;
        }
        if (options.help) {
            out.print(USAGE);
            return CommandLineFormats.OK;
        }
        // Rules load on the driver first: their problems are reported before any Spark work.
        String problems = options.impact
                ? join(problems(options.baseline(), "the baseline rules"), problems(options.candidate(), "the candidate rules"))
                : problems(options.rules(), "the rules");
        if (problems != null) {
            err.println("sciatica-advisor-spark: " + problems);
            return CommandLineFormats.BAD_INPUT;
        }
        boolean ownSession = SparkSession.getDefaultSession().isEmpty() && SparkSession.getActiveSession().isEmpty();
        SparkSession spark = session(options.master);
        try {
            JavaRDD<Line> lines = options.parquet ? parquetRows(spark, options.input) : jsonLines(spark, options.input);
            return options.impact ? impact(spark, lines, options, out, err) : advise(spark, lines, options, err);
        } catch (Exception e) { // Spark's AnalysisException is a checked exception Scala throws undeclared
            // Not a bad line (those are answered): unreadable input, an output folder that exists, a lost cluster.
            err.println("sciatica-advisor-spark: " + e.getMessage());
            return CommandLineFormats.BAD_INPUT;
        } finally {
            if (ownSession) {
                spark.stop();
            }
        }
    }

    private static int advise(SparkSession spark, JavaRDD<Line> lines, Options options, PrintStream err) {
        LongAccumulator answered = spark.sparkContext().longAccumulator("answered lines");
        LongAccumulator bad = spark.sparkContext().longAccumulator("bad lines");
        Dataset<Row> answers = answers(spark, lines, options.rules(), options.compact, answered, bad);
        boolean both = options.jsonOut != null && options.parquetOut != null;
        if (both) {
            answers = answers.persist(StorageLevel.MEMORY_AND_DISK());
        }
        SaveMode mode = options.overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists;
        if (options.jsonOut != null) {
            writeJsonLines(answers, options.jsonOut, mode);
        }
        if (options.parquetOut != null) {
            answers.write().mode(mode).parquet(options.parquetOut);
        }
        if (both) {
            answers.unpersist();
        }
        err.println("sciatica-advisor-spark: " + answered.value() + " lines answered, " + bad.value() + " of them bad"
                + (options.jsonOut == null ? "" : "; JSON lines in " + options.jsonOut)
                + (options.parquetOut == null ? "" : "; Parquet in " + options.parquetOut));
        return bad.value() > 0 ? CommandLineFormats.SOME_LINES_BAD : CommandLineFormats.OK;
    }

    private static int impact(SparkSession spark, JavaRDD<Line> lines, Options options, PrintStream out, PrintStream err) {
        ImpactReport report = impact(lines, options.baseline(), options.candidate());
        String text = CommandLineFormats.report(report, options.format);
        if (options.report == null) {
            out.print(text);
            out.flush();
        } else {
            try {
                Files.writeString(Path.of(options.report), text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the report to " + options.report, e);
            }
            err.println("sciatica-advisor-spark: " + report + "; report in " + options.report);
        }
        return CommandLineFormats.exitCode(report);
    }

    // ---------------------------------------------------------------- input

    /**
     * JSON lines, split at {@code \n} only and numbered as {@code --batch} numbers them. The lines keep
     * their bytes: a {@code \r} before the {@code \n}, a byte order mark, bytes that are not UTF-8 are
     * judged as {@code --batch} judges them.
     *
     * @param spark the session
     * @param path  a file (or anything Hadoop reads as text: a folder, a glob, compressed files)
     * @return the numbered lines, in input order
     */
    public static JavaRDD<Line> jsonLines(SparkSession spark, String path) {
        Configuration conf = new Configuration(spark.sparkContext().hadoopConfiguration());
        conf.set("textinputformat.record.delimiter", "\n");
        JavaRDD<byte[]> lines = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .newAPIHadoopFile(path, TextInputFormat.class, LongWritable.class, Text.class, conf)
                .map(record -> record._2().copyBytes());
        return numbered(lines);
    }

    /**
     * Parquet rows as assessments: each row becomes the JSON object of its columns (a null is a field
     * not given), so the same checks and the same error messages apply as for JSON lines.
     *
     * @param spark the session
     * @param path  Parquet files
     * @return the rows as numbered lines, in the order read
     */
    public static JavaRDD<Line> parquetRows(SparkSession spark, String path) {
        Dataset<Row> rows = spark.read().parquet(path);
        Column[] columns = new Column[rows.columns().length];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = rows.col("`" + rows.columns()[i] + "`");
        }
        return numbered(rows.select(to_json(struct(columns))).javaRDD()
                .map(row -> row.getString(0).getBytes(StandardCharsets.UTF_8)));
    }

    private static JavaRDD<Line> numbered(JavaRDD<byte[]> lines) {
        return lines.zipWithIndex().map(indexed -> new Line(indexed._2() + 1, indexed._1()));
    }

    // ---------------------------------------------------------------- advise

    /** The answers' columns; json is written as its bytes, then read as a string. */
    private static final StructType ANSWER = new StructType()
            .add("line", DataTypes.LongType, false)
            .add("id", DataTypes.StringType)
            .add("disposition", DataTypes.StringType)
            .add("urgency", DataTypes.StringType)
            .add("firstTechnique", DataTypes.StringType)
            .add("json", DataTypes.BinaryType, false);

    /**
     * Answers every line with the advisor of {@code rules}, loaded once per JVM. Blank lines get no row;
     * a bad line gets {@code --batch}'s error line as its json, its message as error, and null answer columns.
     *
     * @param spark the session
     * @param lines the numbered lines
     * @param rules the rules
     * @return line, id, disposition, urgency, firstTechnique, error, json; in input order
     * @throws RuleLoadException when the rules do not load on the driver
     */
    public static Dataset<Row> answers(SparkSession spark, JavaRDD<Line> lines, RuleSet rules) {
        return answers(spark, lines, rules, false, null, null);
    }

    /**
     * As {@link #answers(SparkSession, JavaRDD, RuleSet)}, with each answer's json in the compact form
     * of {@code --batch --compact} when {@code compact} is true.
     *
     * @param spark   the session
     * @param lines   the numbered lines
     * @param rules   the rules
     * @param compact true for the compact form
     * @return line, id, disposition, urgency, firstTechnique, error, json; in input order
     */
    public static Dataset<Row> answers(SparkSession spark, JavaRDD<Line> lines, RuleSet rules, boolean compact) {
        return answers(spark, lines, rules, compact, null, null);
    }

    private static Dataset<Row> answers(SparkSession spark, JavaRDD<Line> lines, RuleSet rules, boolean compact,
                                        LongAccumulator answered, LongAccumulator bad) {
        String version = Advisors.advisor(rules).rulesVersion();
        JavaRDD<Row> rows = lines.mapPartitions(partition -> {
            CommandLineFormats.Answerer answerer = new CommandLineFormats.Answerer(Advisors.advisor(rules, version), compact);
            return skippingNulls(partition, line -> {
                CommandLineFormats.Answer answer = answerer.answer(line.number(), line.bytes());
                if (answer == null) {
                    return null;
                }
                Recommendation r = answer.recommendation();
                if (answered != null) {
                    answered.add(1);
                    if (r == null) {
                        bad.add(1);
                    }
                }
                return r == null
                        ? RowFactory.create(line.number(), null, null, null, null, answer.json())
                        : RowFactory.create(line.number(), r.id(), r.disposition().name(),
                        r.referral() == null ? null : r.referral().urgency().name(),
                        r.techniques().isEmpty() ? null : r.techniques().get(0).technique().name(), answer.json());
            });
        });
        Column json = col("json").cast(DataTypes.StringType);
        return spark.createDataFrame(rows, ANSWER).select(col("line"), col("id"), col("disposition"), col("urgency"),
                col("firstTechnique"), when(col("disposition").isNull(), get_json_object(json, "$.error.message")).as("error"),
                json.as("json"));
    }

    /**
     * Writes the answers' json column as JSON lines: the part files, in name order, hold the lines in
     * input order, exactly as {@code --batch} writes them.
     *
     * @param answers the answers ({@link #answers})
     * @param dir     the output folder
     * @param mode    what to do when it exists
     */
    public static void writeJsonLines(Dataset<Row> answers, String dir, SaveMode mode) {
        answers.select("json").write().mode(mode).option("lineSep", "\n").text(dir);
    }

    // ---------------------------------------------------------------- impact

    /**
     * Compares two rule sets over the lines as {@code --impact} does: each partition tallies its lines
     * with {@link Impact#tally()} on its executor; the tallies come back as reports and are merged on
     * the driver with {@link Impact.Tally#addAll}, in input order, so the report (and its examples) is
     * the command line's.
     *
     * @param lines     the numbered lines
     * @param baseline  the rules in use
     * @param candidate the proposed rules
     * @return the report; its {@link ImpactReport#verdict()} is the verdict
     * @throws RuleLoadException when either rule set does not load on the driver
     */
    public static ImpactReport impact(JavaRDD<Line> lines, RuleSet baseline, RuleSet candidate) {
        String baselineVersion = Advisors.advisor(baseline).rulesVersion();
        String candidateVersion = Advisors.advisor(candidate).rulesVersion();
        Impact impact = Advisors.impact(baseline, candidate, baselineVersion, candidateVersion);
        List<byte[]> tallies = lines.mapPartitions(partition -> {
            Impact.Tally tally = Advisors.impact(baseline, candidate, baselineVersion, candidateVersion).tally();
            while (partition.hasNext()) {
                Line line = partition.next();
                CommandLineFormats.compare(tally, line.number(), line.bytes());
            }
            return List.of(serialize(tally.report())).iterator();
        }).collect();
        Impact.Tally total = impact.tally();
        for (byte[] tally : tallies) {
            total.addAll(impact.tally(deserialize(tally)));
        }
        return total.report();
    }

    /** A report as bytes: whatever serializer the cluster uses for task results carries bytes. */
    private static byte[] serialize(ImpactReport report) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(report);
        }
        return bytes.toByteArray();
    }

    private static ImpactReport deserialize(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                try {
                    return Class.forName(desc.getName(), false, ImpactReport.class.getClassLoader());
                } catch (ClassNotFoundException e) {
                    return super.resolveClass(desc);
                }
            }
        }) {
            in.setObjectInputFilter(ObjectInputFilter.Config.createFilter("org.sciatica.advisor.*;java.lang.*;java.util.*;!*"));
            return (ImpactReport) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot read a partition's impact tally", e);
        }
    }

    // ---------------------------------------------------------------- plumbing

    private static SparkSession session(String master) {
        SparkSession.Builder builder = SparkSession.builder().appName("sciatica-advisor");
        if (master != null) {
            builder.master(master);
        } else if (System.getProperty("spark.master") == null && SparkSession.getDefaultSession().isEmpty()) {
            builder.master("local[*]");
        }
        return builder.getOrCreate();
    }

    /** The rules' load problems in the command line's words, or null when they load. */
    private static String problems(RuleSet rules, String which) {
        try {
            Advisors.advisor(rules);
            return null;
        } catch (RuleLoadException e) {
            StringBuilder message = new StringBuilder(which).append(" cannot be loaded (")
                    .append(e.problems().size()).append(e.problems().size() == 1 ? " problem" : " problems").append("):");
            for (RuleProblem p : e.problems()) {
                message.append('\n').append(p);
            }
            return message.toString();
        }
    }

    private static String join(String first, String second) {
        return first == null ? second : second == null ? first : first + "\n" + second;
    }

    /** {@code items} mapped, leaving out what maps to null; lazy, so a partition is never held whole. */
    private static <T, R> Iterator<R> skippingNulls(Iterator<T> items, Function<T, R> map) {
        return new Iterator<>() {
            private R next;

            @Override
            public boolean hasNext() {
                while (next == null && items.hasNext()) {
                    next = map.apply(items.next());
                }
                return next != null;
            }

            @Override
            public R next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                R r = next;
                next = null;
                return r;
            }
        };
    }

    /** The command line, checked as the library's command line checks its own. */
    static final class Options {
        boolean help;
        boolean impact;
        String input;
        boolean parquet;
        final List<String> rules = new ArrayList<>();
        final List<String> baselineDirs = new ArrayList<>();
        final List<String> candidateDirs = new ArrayList<>();
        boolean noBundled;
        boolean replaceProtected;
        String jsonOut;
        String parquetOut;
        boolean overwrite;
        boolean compact;
        String format = "text";
        String report;
        String master;

        RuleSet rules() {
            return new RuleSet(!noBundled, rules, replaceProtected);
        }

        RuleSet baseline() {
            return new RuleSet(!noBundled, baselineDirs, replaceProtected);
        }

        RuleSet candidate() {
            return new RuleSet(!noBundled, candidateDirs, replaceProtected);
        }

        static Options parse(String[] args) {
            Options o = new Options();
            if (args.length == 0) {
                throw new IllegalArgumentException("say advise or impact");
            }
            if (args[0].equals("--help") || args[0].equals("-h")) {
                o.help = true;
                return o;
            }
            switch (args[0]) {
                case "advise" -> o.impact = false;
                case "impact" -> o.impact = true;
                default -> throw new IllegalArgumentException("the first argument is advise or impact, was '" + args[0] + "'");
            }
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--help", "-h" -> o.help = true;
                    case "--no-bundled" -> o.noBundled = true;
                    case "--allow-replacing-protected-rules" -> o.replaceProtected = true;
                    case "--overwrite" -> o.overwrite = true;
                    case "--compact" -> o.compact = true;
                    case "--input" -> o.input = value(args, ++i, arg);
                    case "--input-format" -> {
                        String format = value(args, ++i, arg);
                        if (!format.equals("jsonl") && !format.equals("parquet")) {
                            throw new IllegalArgumentException("--input-format is jsonl or parquet, was '" + format + "'");
                        }
                        o.parquet = format.equals("parquet");
                    }
                    case "--rules" -> o.rules.add(value(args, ++i, arg));
                    case "--baseline" -> o.baselineDirs.add(value(args, ++i, arg));
                    case "--candidate" -> o.candidateDirs.add(value(args, ++i, arg));
                    case "--json-out" -> o.jsonOut = value(args, ++i, arg);
                    case "--parquet-out" -> o.parquetOut = value(args, ++i, arg);
                    case "--format" -> {
                        o.format = value(args, ++i, arg).toLowerCase(java.util.Locale.ROOT);
                        if (!List.of("text", "json", "markdown").contains(o.format)) {
                            throw new IllegalArgumentException("--format is text, json or markdown, was '" + o.format + "'");
                        }
                    }
                    case "--report" -> o.report = value(args, ++i, arg);
                    case "--master" -> o.master = value(args, ++i, arg);
                    default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
                }
            }
            if (o.help) {
                return o;
            }
            if (o.input == null) {
                throw new IllegalArgumentException("--input PATH is needed");
            }
            if (o.impact) {
                if (!o.rules.isEmpty() || o.jsonOut != null || o.parquetOut != null || o.overwrite || o.compact) {
                    throw new IllegalArgumentException("impact compares two rule sets: give --baseline DIR and --candidate DIR, "
                            + "not --rules, --json-out, --parquet-out, --compact or --overwrite");
                }
                if (o.noBundled && (o.baselineDirs.isEmpty() || o.candidateDirs.isEmpty())) {
                    throw new IllegalArgumentException("--no-bundled leaves the bundled rules out: give at least one --baseline DIR and one --candidate DIR");
                }
            } else {
                if (!o.baselineDirs.isEmpty() || !o.candidateDirs.isEmpty() || o.report != null || !o.format.equals("text")) {
                    throw new IllegalArgumentException("--baseline, --candidate, --format and --report are for impact");
                }
                if (o.jsonOut == null && o.parquetOut == null) {
                    throw new IllegalArgumentException("advise writes answers: give --json-out DIR, --parquet-out DIR or both");
                }
                if (o.noBundled && o.rules.isEmpty()) {
                    throw new IllegalArgumentException("--no-bundled leaves the bundled rules out: give at least one --rules DIR");
                }
            }
            return o;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length || args[i].startsWith("--")) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }
    }
}
