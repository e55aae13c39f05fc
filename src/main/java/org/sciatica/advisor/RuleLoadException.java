package org.sciatica.advisor;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The rules could not be loaded: a file does not compile, a rule lacks {@code @id} or
 * {@code @source}, two rules share an id, or a rule directory cannot be read. Lists every problem
 * found, not only the first, one per line as {@code file:line:column: message}.
 */
public final class RuleLoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<RuleProblem> problems;

    /**
     * A load failure listing these problems.
     *
     * @param problems every problem found, in file order
     */
    public RuleLoadException(List<RuleProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * Every problem found, in file order.
     *
     * @return the problems
     */
    public List<RuleProblem> problems() {
        return problems;
    }

    private static String describe(List<RuleProblem> problems) {
        return problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the rules:\n"
                + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n"));
    }
}
