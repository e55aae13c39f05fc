package org.sciatica.advisor.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.sciatica.advisor.testing.MutationReport;

/** {@code --mutation-report --format json}: a {@link MutationReport} for programs. */
final class MutationReports {
    private static final ObjectWriter PRETTY = JsonMapper.builder().build().writer(new DefaultPrettyPrinter(
                    Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private MutationReports() {
    }

    /**
     * The report as JSON: {@code score} (0 to 1, four decimals), {@code totals} (mutants, noticed,
     * survived, rules, rows), {@code asOf}, {@code rulesVersion}, {@code tables}, {@code byKind},
     * {@code mutants} (each with its rule, kind, change, whether it survived and which row noticed
     * it) and {@code rowProblems}.
     */
    static String json(MutationReport report) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode();
        root.put("score", BigDecimal.valueOf(report.score()).setScale(4, RoundingMode.HALF_EVEN));
        ObjectNode totals = root.putObject("totals");
        totals.put("mutants", report.mutants().size());
        totals.put("noticed", report.noticed());
        totals.put("survived", report.survivors().size());
        totals.put("rules", report.rules());
        totals.put("rows", report.rows());
        root.put("asOf", report.asOf().toString());
        root.put("rulesVersion", report.rulesVersion());
        ArrayNode tables = root.putArray("tables");
        report.tables().forEach(tables::add);
        ArrayNode byKind = root.putArray("byKind");
        for (MutationReport.Kind kind : MutationReport.Kind.values()) {
            long total = report.mutants().stream().filter(m -> m.kind() == kind).count();
            long survived = report.survivors().stream().filter(m -> m.kind() == kind).count();
            ObjectNode node = byKind.addObject();
            node.put("kind", kind.name());
            node.put("label", kind.label());
            node.put("mutants", total);
            node.put("noticed", total - survived);
            node.put("survived", survived);
        }
        ArrayNode mutants = root.putArray("mutants");
        for (MutationReport.Mutant m : report.mutants()) {
            ObjectNode node = mutants.addObject();
            node.put("ruleId", m.ruleId());
            node.put("ruleName", m.ruleName());
            node.put("file", m.file());
            node.put("line", m.line());
            node.put("kind", m.kind().name());
            node.put("from", m.from().isEmpty() ? null : m.from());
            node.put("to", m.to().isEmpty() ? null : m.to());
            node.put("change", m.change());
            node.put("survived", m.survived());
            node.put("noticedBy", m.noticedBy());
            node.put("how", m.how());
            node.put("description", m.describe());
        }
        ArrayNode problems = root.putArray("rowProblems");
        report.rowProblems().forEach(problems::add);
        try {
            return PRETTY.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
