package org.childprotection.registry.readmodel;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Which page of a read model to answer; {@code page} counts from 0, {@code size} is at most {@link #MAX_SIZE}. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 200;

    public PageRequest {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page must be >= 0 and size between 1 and " + MAX_SIZE);
        }
    }

    public long offset() {
        return (long) page * size;
    }

    /**
     * Runs {@code SELECT columns FROM fromWhere ORDER BY orderBy} for this page, and the count of all its rows.
     * {@code fromWhere} is the part after FROM, conditions included.
     */
    public <T> Page<T> fetch(NamedParameterJdbcTemplate jdbc, String columns, String fromWhere, String orderBy,
                             MapSqlParameterSource parameters, RowMapper<T> rows) {
        long total = jdbc.queryForObject("SELECT count(*) FROM " + fromWhere, parameters, Long.class);
        MapSqlParameterSource paged = new MapSqlParameterSource(parameters.getValues())
                .addValue("pageLimit", size).addValue("pageOffset", offset());
        return new Page<>(jdbc.query("SELECT " + columns + " FROM " + fromWhere + " ORDER BY " + orderBy
                + " LIMIT :pageLimit OFFSET :pageOffset", paged, rows), page, size, total);
    }
}
