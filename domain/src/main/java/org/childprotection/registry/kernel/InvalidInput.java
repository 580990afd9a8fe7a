package org.childprotection.registry.kernel;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The command itself is wrong, whatever the state of the case: one or more of its fields break a rule (an HTTP
 * 400). Each {@link Problem} names its field and rule; a command is refused once, naming every bad field
 * ({@link InputCheck} collects them). The refusal's own {@link #rule()} is its one problem's, or
 * {@value #SEVERAL} when it names several.
 */
public final class InvalidInput extends CaseRefusal {

    /** The rule of a refusal naming several fields, each under a rule of its own. */
    public static final String SEVERAL = "invalid-input";
    /** A field that the command must carry is absent (or blank, or an empty list). */
    public static final String REQUIRED = "required";

    /** One field of the command, the rule it breaks and what is wrong with it in plain words. */
    public record Problem(String field, String rule, String message) {
    }

    private final List<Problem> problems;

    public InvalidInput(String rule, String field, String message) {
        this(List.of(new Problem(field, rule, message)));
    }

    public InvalidInput(List<Problem> problems) {
        super(problems.size() == 1 ? problems.get(0).rule() : SEVERAL,
                problems.stream().map(Problem::message).collect(Collectors.joining(" ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The field named first (the only one, unless several are named). */
    public String field() {
        return problems.get(0).field();
    }
}
