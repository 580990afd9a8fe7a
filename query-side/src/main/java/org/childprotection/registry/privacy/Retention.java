package org.childprotection.registry.privacy;

import org.childprotection.registry.kernel.RegistryCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How long a closed case's personal data is kept (docs/erasure.md), from {@code registry.privacy.retention}: rules
 * separated by commas, each {@code P5Y} or {@code closure+P5Y} (a period after the closure) or {@code majority} or
 * {@code majority+P1Y} (after the child's 18th birthday, plus a period). A closed case is due for erasure once every
 * rule has passed; none configured, none is ever due.
 */
public record Retention(List<Rule> rules) {

    public static final String PROPERTY = "registry.privacy.retention";
    static final int MAJORITY = 18;

    public enum Since { CLOSURE, MAJORITY }

    /** One rule: a period after the closure, or after the 18th birthday. */
    public record Rule(Since since, Period period) {

        /** As the due list names it: {@code after-closure} or {@code after-majority}. */
        public String name() {
            return since == Since.CLOSURE ? "after-closure" : "after-majority";
        }

        /** The day it has passed; empty when the case does not say (no closure time, no date of birth). */
        Optional<LocalDate> passesOn(LocalDate closedOn, LocalDate birth) {
            LocalDate from = since == Since.CLOSURE ? closedOn : birth == null ? null : birth.plusYears(MAJORITY);
            return Optional.ofNullable(from).map(date -> date.plus(period));
        }
    }

    public Retention {
        rules = List.copyOf(rules);
    }

    /** The rules of the property's text; refuses one it cannot read, saying how it should read. */
    public static Retention parse(String text) {
        List<Rule> rules = new ArrayList<>();
        for (String item : text == null ? new String[0] : text.split(",")) {
            String rule = item.strip();
            if (rule.isEmpty()) {
                continue;
            }
            String[] parts = rule.split("\\+", 2);
            try {
                if (parts[0].equals("majority")) {
                    rules.add(new Rule(Since.MAJORITY, parts.length == 1 ? Period.ZERO : Period.parse(parts[1])));
                } else if (parts[0].equals("closure") && parts.length == 2) {
                    rules.add(new Rule(Since.CLOSURE, Period.parse(parts[1])));
                } else if (parts.length == 1) {
                    rules.add(new Rule(Since.CLOSURE, Period.parse(parts[0])));
                } else {
                    throw new DateTimeParseException("unknown start", rule, 0);
                }
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(PROPERTY + ": '" + rule + "' is not a rule; write a period after "
                        + "the closure (P5Y or closure+P5Y) or after the 18th birthday (majority or majority+P1Y), "
                        + "separated by commas.");
            }
        }
        return new Retention(rules);
    }

    public boolean configured() {
        return !rules.isEmpty();
    }

    /** The day every rule has passed for a case closed at {@code closedAt}; empty when one cannot be known. */
    public Optional<LocalDate> dueOn(Instant closedAt, LocalDate birth) {
        if (!configured() || closedAt == null) {
            return Optional.empty();
        }
        LocalDate closedOn = RegistryCalendar.dateOf(closedAt);
        LocalDate due = null;
        for (Rule rule : rules) {
            Optional<LocalDate> passes = rule.passesOn(closedOn, birth);
            if (passes.isEmpty()) {
                return Optional.empty();
            }
            due = due == null || passes.get().isAfter(due) ? passes.get() : due;
        }
        return Optional.of(due);
    }

    public List<String> names() {
        return rules.stream().map(Rule::name).distinct().toList();
    }
}
