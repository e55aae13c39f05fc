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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapred.TextOutputFormat;
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

import scala.Tuple2;

import org.sciatica.advisor.Impact;
import org.sciatica.advisor.ImpactReport;
import org.sciatica.advisor.Recommendation;
import org.sciatica.advisor.RuleLoadException;
import org.sciatica.advisor.RuleProblem;

/**
 * Sciatica Advisor on Apache Spark: the command line's {@code batch} and {@code impact} at
 * cluster scale.
 *
 * <ul>
 *   <li>{@code advise}: assessments in (JSON lines, or Parquet with columns named like the JSON
 *       fields, sets as arrays of strings), answers out as JSON lines byte-identical to
 *       {@code batch} (the part files, in name order, make its output) and as Parquet (line, id,
 *       disposition, urgency, firstTechnique, error, json). A bad line becomes {@code batch}'s error
 *       line, never a failed job.</li>
 *   <li>{@code impact}: each partition tallies its lines with {@link Impact#tally()}, the driver
 *       merges the tallies in input order with {@code addAll} and writes {@code impact}'s report
 *       (text, json or markdown); exit 3 when an answer became less cautious or unsafe.</li>
 * </ul>
 *
 * <p>Lines are numbered as {@code batch} numbers them (blank lines counted, the line index of the
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

            advise   answers every assessment as the command line's batch does: --json-out DIR gets JSON lines
                     (its part files, in name order, are batch's output byte for byte), --parquet-out DIR gets
                     Parquet (line, id, disposition, urgency, firstTechnique, error, json). --compact writes each
                     answer's json in the compact form of batch --compact (decisions and ids; texts from the rule
                     catalog). Exit 1 when some lines were bad.
            impact   compares the baseline rules (bundled plus each --baseline DIR) with the candidate rules
                     (bundled plus each --candidate DIR) as the command line's impact does; the report goes to
                     --report FILE or standard output. Exit 3 when an answer became less cautious or unsafe, 1 for
                     bad lines.
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
        // The driver loads the rules while Spark starts (each takes seconds, mostly on one core); their problems
        // are reported before any Spark job, and a session this run started is stopped.
        CompletableFuture<String> problems = CompletableFuture.supplyAsync(() -> options.impact
                ? join(problems(options.baseline(), "the baseline rules"), problems(options.candidate(), "the candidate rules"))
                : problems(options.rules(), "the rules"), task -> {
                    Thread loading = new Thread(task, "sciatica-advisor-rules");
                    loading.setDaemon(true);
                    loading.start();
                });
        boolean ownSession = SparkSession.getDefaultSession().isEmpty() && SparkSession.getActiveSession().isEmpty();
        SparkSession spark = session(options.master);
        try {
            String rulesProblems = joined(problems);
            if (rulesProblems != null) {
                err.println("sciatica-advisor-spark: " + rulesProblems);
                return CommandLineFormats.BAD_INPUT;
            }
            return options.impact ? impact(spark, options, out, err) : advise(spark, options, err);
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

    private static int advise(SparkSession spark, Options options, PrintStream err) {
        LongAccumulator answered = spark.sparkContext().longAccumulator("answered lines");
        LongAccumulator bad = spark.sparkContext().longAccumulator("bad lines");
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        if (options.parquetOut == null) {
            // JSON lines alone: no SQL rows, and JSON lines in are numbered without a pass before the job.
            JavaRDD<byte[]> json = options.parquet
                    ? answerLines(parquetRows(spark, options.input), options.rules(), options.compact, answered, bad)
                    : answerJsonLines(context, options.input, options.rules(), options.compact, answered, bad);
            writeJsonLines(json, options.jsonOut, options.overwrite);
        } else {
            JavaRDD<Line> lines = options.parquet ? parquetRows(spark, options.input) : jsonLines(spark, options.input);
            Dataset<Row> answers = answers(spark, lines, options.rules(), options.compact, answered, bad);
            boolean both = options.jsonOut != null;
            if (both) {
                answers = answers.persist(StorageLevel.MEMORY_AND_DISK());
                writeJsonLines(answers.select(col("json")).javaRDD().map(row -> row.getString(0).getBytes(StandardCharsets.UTF_8)),
                        options.jsonOut, options.overwrite);
            }
            answers.write().mode(options.overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists).parquet(options.parquetOut);
            if (both) {
                answers.unpersist();
            }
        }
        err.println("sciatica-advisor-spark: " + answered.value() + " lines answered, " + bad.value() + " of them bad"
                + (options.jsonOut == null ? "" : "; JSON lines in " + options.jsonOut)
                + (options.parquetOut == null ? "" : "; Parquet in " + options.parquetOut));
        return bad.value() > 0 ? CommandLineFormats.SOME_LINES_BAD : CommandLineFormats.OK;
    }

    private static int impact(SparkSession spark, Options options, PrintStream out, PrintStream err) {
        JavaRDD<Line> lines = options.parquet ? parquetRows(spark, options.input) : jsonLines(spark, options.input);
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
     * JSON lines, split at {@code \n} only and numbered as {@code batch} numbers them. The lines keep
     * their bytes: a {@code \r} before the {@code \n}, a byte order mark, bytes that are not UTF-8 are
     * judged as {@code batch} judges them. One partition per split, splits sized so that every core gets
     * the same share ({@link JsonLinesInput}); numbering every line takes a pass over the input before.
     *
     * @param spark the session
     * @param path  a file (or anything Hadoop reads as text: a folder, a glob, compressed files)
     * @return the numbered lines, in input order
     */
    public static JavaRDD<Line> jsonLines(SparkSession spark, String path) {
        JsonLinesInput input = JsonLinesInput.of(JavaSparkContext.fromSparkContext(spark.sparkContext()), path);
        return numbered(input.records().map(record -> record._2().copyBytes()));
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
     * a bad line gets {@code batch}'s error line as its json, its message as error, and null answer columns.
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
     * of {@code batch --compact} when {@code compact} is true.
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
            CommandLineFormats.Answerer answerer = CommandLineFormats.Answerer.of(rules, version, compact);
            return skippingNulls(partition, line -> {
                CommandLineFormats.Answer answer = answerer.answer(line.number(), line.bytes());
                if (answer == null) {
                    return null;
                }
                Recommendation r = answer.recommendation();
                count(answered, bad, answer);
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
     * The {@code batch} output lines of JSON lines (blank lines get none), each split of the input
     * answered in its own task, with the advisor its JVM shares between tasks. Lines are numbered
     * without a pass before the job: a line's number shows only in its error line, and decides
     * whether a byte order mark is dropped (on line 1 only). The first split's lines are numbered
     * from 1; in a later split, where no line is line 1, a line is answered with its number unknown,
     * and an error line is answered again with its number, the task then counting the lines of the
     * splits before its own ({@link JsonLinesInput#linesBefore}, once per task).
     */
    private static JavaRDD<byte[]> answerJsonLines(JavaSparkContext context, String path, RuleSet rules, boolean compact,
                                                   LongAccumulator answered, LongAccumulator bad) {
        String version = Advisors.advisor(rules).rulesVersion();
        JsonLinesInput input = JsonLinesInput.of(context, path);
        return input.records().mapPartitionsWithInputSplit((split, records) -> {
            CommandLineFormats.Answerer answerer = CommandLineFormats.Answerer.of(rules, version, compact);
            long[] numbering = {input.first(split) ? 0 : UNKNOWN, 0}; // lines before the split, lines read in it
            return skippingNulls(records, record -> {
                long position = ++numbering[1];
                byte[] bytes = record._2().copyBytes();
                CommandLineFormats.Answer answer = answerer.answer(
                        numbering[0] == UNKNOWN ? NOT_LINE_ONE : numbering[0] + position, bytes);
                if (answer != null && answer.recommendation() == null && numbering[0] == UNKNOWN) {
                    numbering[0] = input.linesBefore(split);
                    answer = answerer.answer(numbering[0] + position, bytes);
                }
                count(answered, bad, answer);
                return answer == null ? null : answer.json();
            });
        }, true);
    }

    /** Lines before a split not counted yet. */
    private static final long UNKNOWN = -1;
    /** The number a line outside the first split is answered with until one needs its true number (never line 1's). */
    private static final long NOT_LINE_ONE = Long.MAX_VALUE;

    /** The {@code batch} output lines of numbered lines (blank lines get none), in their order. */
    private static JavaRDD<byte[]> answerLines(JavaRDD<Line> lines, RuleSet rules, boolean compact,
                                               LongAccumulator answered, LongAccumulator bad) {
        String version = Advisors.advisor(rules).rulesVersion();
        return lines.mapPartitions(partition -> {
            CommandLineFormats.Answerer answerer = CommandLineFormats.Answerer.of(rules, version, compact);
            return skippingNulls(partition, line -> {
                CommandLineFormats.Answer answer = answerer.answer(line.number(), line.bytes());
                count(answered, bad, answer);
                return answer == null ? null : answer.json();
            });
        });
    }

    private static void count(LongAccumulator answered, LongAccumulator bad, CommandLineFormats.Answer answer) {
        if (answered != null && answer != null) {
            answered.add(1);
            if (answer.recommendation() == null) {
                bad.add(1);
            }
        }
    }

    /**
     * Writes the answers' json column as JSON lines: the part files, in name order, hold the lines in
     * input order, exactly as {@code batch} writes them.
     *
     * @param answers the answers ({@link #answers})
     * @param dir     the output folder
     * @param mode    {@link SaveMode#ErrorIfExists} or {@link SaveMode#Overwrite}: what to do when it exists
     * @throws IllegalArgumentException for another mode
     */
    public static void writeJsonLines(Dataset<Row> answers, String dir, SaveMode mode) {
        if (mode != SaveMode.ErrorIfExists && mode != SaveMode.Overwrite) {
            throw new IllegalArgumentException("mode is ErrorIfExists or Overwrite, was " + mode);
        }
        writeJsonLines(answers.select(col("json")).javaRDD().map(row -> row.getString(0).getBytes(StandardCharsets.UTF_8)),
                dir, mode == SaveMode.Overwrite);
    }

    /**
     * Writes lines as text, each followed by {@code \n}: one part file per partition, named in partition
     * order, through Hadoop's output committer (the folder is complete, with its {@code _SUCCESS}, or
     * has no part file). No SQL rows: the bytes are written as they are.
     *
     * @param lines     the lines as UTF-8, without their {@code \n}
     * @param dir       the output folder
     * @param overwrite whether a folder that exists is deleted first (else the job fails, naming it)
     */
    static void writeJsonLines(JavaRDD<byte[]> lines, String dir, boolean overwrite) {
        org.apache.hadoop.fs.Path out = new org.apache.hadoop.fs.Path(dir);
        if (overwrite) {
            try {
                out.getFileSystem(lines.context().hadoopConfiguration()).delete(out, true);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + dir + " to overwrite it", e);
            }
        }
        lines.mapPartitionsToPair(partition -> {
            Text text = new Text(); // one per task, as saveAsTextFile does: the writer copies its bytes
            return new Iterator<Tuple2<NullWritable, Text>>() {
                @Override
                public boolean hasNext() {
                    return partition.hasNext();
                }

                @Override
                public Tuple2<NullWritable, Text> next() {
                    text.set(partition.next());
                    return new Tuple2<>(NullWritable.get(), text);
                }
            };
        }, true).saveAsHadoopFile(dir, NullWritable.class, Text.class, TextOutputFormat.class);
    }

    // ---------------------------------------------------------------- impact

    /**
     * Compares two rule sets over the lines as {@code impact} does: each partition tallies its lines
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

    /** What the rules' loading found: their problems, or null; an unexpected failure thrown as it was. */
    private static String joined(CompletableFuture<String> problems) {
        try {
            return problems.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
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
