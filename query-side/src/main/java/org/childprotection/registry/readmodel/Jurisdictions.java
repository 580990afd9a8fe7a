package org.childprotection.registry.readmodel;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The village-code prefixes a reader may see, as a SQL condition. An empty list matches nothing; the prefix
 * {@code ""} matches every village. Prefixes are digits only, so they are safe inside a LIKE pattern.
 */
public record Jurisdictions(List<String> prefixes) {

    private static final Pattern DIGITS = Pattern.compile("\\d{0,12}");

    public Jurisdictions {
        prefixes = List.copyOf(prefixes);
        for (String prefix : prefixes) {
            if (!DIGITS.matcher(prefix).matches()) {
                throw new IllegalArgumentException("A jurisdiction is a village-code prefix of up to 12 digits");
            }
        }
    }

    public static Jurisdictions of(String... prefixes) {
        return new Jurisdictions(List.of(prefixes));
    }

    /** {@code column LIKE :jurisdiction0 OR ...}, with the parameters added to {@code parameters}. */
    public String condition(String column, MapSqlParameterSource parameters) {
        return condition(column, parameters, "jurisdiction");
    }

    /** As {@link #condition(String, MapSqlParameterSource)}, naming the parameters {@code parameterName0...}. */
    public String condition(String column, MapSqlParameterSource parameters, String parameterName) {
        if (prefixes.isEmpty()) {
            return "FALSE";
        }
        StringBuilder sql = new StringBuilder("(");
        for (int i = 0; i < prefixes.size(); i++) {
            String name = parameterName + i;
            parameters.addValue(name, prefixes.get(i) + "%");
            sql.append(i == 0 ? "" : " OR ").append(column).append(" LIKE :").append(name);
        }
        return sql.append(")").toString();
    }
}
