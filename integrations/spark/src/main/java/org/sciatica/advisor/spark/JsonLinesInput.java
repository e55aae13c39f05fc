package org.sciatica.advisor.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.apache.spark.api.java.JavaNewHadoopRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.SerializableConfiguration;

/**
 * A JSON lines input as Hadoop splits it: at {@code \n} only, each split a partition, in input
 * order. Unless {@code mapreduce.input.fileinputformat.split.maxsize} is set, splits are at most
 * the input's size divided by the cores ({@code defaultParallelism}), so that every core gets the
 * same share to the end (Hadoop's default, the block size, gave 32 MB and 8 MB for a 40 MB file
 * on 2 cores: one core did four fifths of the work).
 *
 * <p>It also numbers lines without reading the input before the job: a split's lines are numbered
 * from the number of lines in the splits before it, which {@link #linesBefore} counts (with the
 * same record reader) only when a task asks, that is when one of its lines needs its number.
 */
final class JsonLinesInput implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String MAX_SPLIT = "mapreduce.input.fileinputformat.split.maxsize";

    /** One split of the input, as the task sees it. */
    record Split(String path, long start, long length) implements Serializable {
        private static final long serialVersionUID = 1L;

        static Split of(InputSplit split) {
            FileSplit file = (FileSplit) split;
            return new Split(file.getPath().toString(), file.getStart(), file.getLength());
        }

        FileSplit fileSplit() {
            return new FileSplit(new org.apache.hadoop.fs.Path(path), start, length, new String[0]);
        }
    }

    private final transient JavaNewHadoopRDD<LongWritable, Text> records;
    /** Every split of the input, in partition order (broadcast: a task's closure would carry them all to each task). */
    private final Broadcast<List<Split>> splits;
    private final Broadcast<SerializableConfiguration> conf;

    private JsonLinesInput(JavaNewHadoopRDD<LongWritable, Text> records, Broadcast<List<Split>> splits,
                           Broadcast<SerializableConfiguration> conf) {
        this.records = records;
        this.splits = splits;
        this.conf = conf;
    }

    /**
     * The input at {@code path}, split at {@code \n}.
     *
     * @param spark the context
     * @param path  a file (or anything Hadoop reads as text: a folder, a glob, compressed files)
     * @return the input, its splits listed
     * @throws UncheckedIOException when the input cannot be listed (it does not exist, for example)
     */
    static JsonLinesInput of(JavaSparkContext spark, String path) {
        Configuration conf = new Configuration(spark.hadoopConfiguration());
        conf.set("textinputformat.record.delimiter", "\n");
        try {
            if (conf.get(MAX_SPLIT) == null) {
                long bytes = 0;
                for (Split split : splits(conf, path)) {
                    bytes += split.length();
                }
                int cores = Math.max(1, spark.defaultParallelism());
                conf.setLong(MAX_SPLIT, Math.max(1, (bytes + cores - 1) / cores));
            }
            List<Split> splits = splits(conf, path);
            @SuppressWarnings("unchecked")
            JavaNewHadoopRDD<LongWritable, Text> records = (JavaNewHadoopRDD<LongWritable, Text>) spark
                    .newAPIHadoopFile(path, TextInputFormat.class, LongWritable.class, Text.class, conf);
            return new JsonLinesInput(records, spark.broadcast(splits), spark.broadcast(new SerializableConfiguration(conf)));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    private static List<Split> splits(Configuration conf, String path) throws IOException {
        Job job = Job.getInstance(conf);
        FileInputFormat.setInputPaths(job, path);
        return new TextInputFormat().getSplits(job).stream().map(Split::of).toList();
    }

    /** The lines, each with its byte offset in its file; one partition per split, in input order. */
    JavaNewHadoopRDD<LongWritable, Text> records() {
        return records;
    }

    /**
     * Whether no split before {@code split} has any byte: then its lines are numbered from 1.
     *
     * @throws IllegalStateException when {@code split} is not one of the input's
     */
    boolean first(InputSplit split) {
        int index = index(Split.of(split));
        for (int i = 0; i < index; i++) {
            if (splits.value().get(i).length() > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * How many lines the input has before {@code split}: the records the same reader gives for every
     * split before it. Reads those splits; a task calls it at most once, when a line needs its number.
     *
     * @throws IllegalStateException when {@code split} is not one of the input's
     */
    long linesBefore(InputSplit split) {
        int index = index(Split.of(split));
        TaskAttemptContext context = new TaskAttemptContextImpl(conf.value().value(), new TaskAttemptID());
        long lines = 0;
        try {
            for (Split before : splits.value().subList(0, index)) {
                FileSplit file = before.fileSplit();
                try (RecordReader<LongWritable, Text> reader = new TextInputFormat().createRecordReader(file, context)) {
                    reader.initialize(file, context);
                    while (reader.nextKeyValue()) {
                        lines++;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot count the lines before " + split, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while counting the lines before " + split, e);
        }
        return lines;
    }

    private int index(Split split) {
        int index = splits.value().indexOf(split);
        if (index < 0) {
            throw new IllegalStateException("the split " + split + " is not one the driver listed: " + splits.value());
        }
        return index;
    }
}
