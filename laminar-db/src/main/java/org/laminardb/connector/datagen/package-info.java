/**
 * The built-in {@code DATAGEN} source connector: deterministic generated rows for demos, tests
 * and benchmarks.
 *
 * <pre>{@code
 * CREATE SOURCE trades (id BIGINT, symbol VARCHAR, price DOUBLE, ts TIMESTAMP,
 *     WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
 * FROM DATAGEN ('rows_per_second' = '100', 'seed' = '42',
 *     'fields.id.kind' = 'sequence', 'fields.symbol.values' = 'AAPL,MSFT,GOOG',
 *     'fields.price.min' = '10', 'fields.price.max' = '500',
 *     'fields.ts.max_out_of_orderness' = '500 ms')
 * }</pre>
 *
 * <p>Source options:
 *
 * <ul>
 *   <li>{@code rows_per_second}: target rate (default 10; 0 means as fast as possible);
 *   <li>{@code number_of_rows}: total rows, after which the source ends (default: unbounded);
 *   <li>{@code seed}: seed of all random values (default 0); the same options give the same rows.
 * </ul>
 *
 * <p>Column options {@code fields.<column>.<property>}:
 *
 * <ul>
 *   <li>{@code kind}: {@code random} (the default, any type), {@code sequence} (INT, BIGINT,
 *       DECIMAL, DOUBLE, REAL, VARCHAR) or {@code event_time} (TIMESTAMP, its default);
 *   <li>sequence: {@code start} (default 1) and {@code end} (inclusive, default the type's
 *       largest; the source ends after it);
 *   <li>random: {@code min} and {@code max} (numbers, dates, timestamps; default 0 to 1000, or
 *       the year 2024), {@code length} of VARCHAR values (default 10), or {@code values}: a comma
 *       list to pick from;
 *   <li>event_time: {@code start} timestamp (default {@code 2024-01-01 00:00:00}), {@code step}
 *       per row (default one second divided by the rate, e.g. {@code '10 ms'}) and {@code
 *       max_out_of_orderness}: a random lag of up to that duration per row (default none);
 *   <li>{@code null_rate}: fraction of NULL values (default 0).
 * </ul>
 *
 * <p>Flink's hyphenated spellings ({@code rows-per-second}, {@code null-rate}) are accepted too.
 */
package org.laminardb.connector.datagen;
