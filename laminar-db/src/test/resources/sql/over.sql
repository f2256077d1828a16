-- OVER windows: Top-N and deduplication (changelog results), LAG/LEAD and running aggregates
-- ordered by event time (append-only results, computed once the watermark passes a row).
CREATE SOURCE s (k VARCHAR, v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '5' SECOND);
CREATE MATERIALIZED VIEW top2 AS SELECT * FROM (SELECT k, v, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v DESC) AS rn FROM s) WHERE rn <= 2;
CREATE MATERIALIZED VIEW top2_norn AS SELECT k, v FROM (SELECT k, v, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v DESC) AS rn FROM s) WHERE rn < 3;
CREATE MATERIALIZED VIEW ranked AS SELECT k, v, r FROM (SELECT k, v, RANK() OVER (ORDER BY v) AS r FROM s) WHERE r BETWEEN 1 AND 2;
CREATE MATERIALIZED VIEW dense AS SELECT k, v, r FROM (SELECT k, v, DENSE_RANK() OVER (ORDER BY v) AS r FROM s) WHERE r <= 2;
CREATE MATERIALIZED VIEW first_row AS SELECT k, v FROM (SELECT k, v, ROW_NUMBER() OVER (PARTITION BY k ORDER BY ts) AS rn FROM s) WHERE rn = 1;
CREATE MATERIALIZED VIEW last_row AS SELECT k, v FROM (SELECT k, v, ROW_NUMBER() OVER (PARTITION BY k ORDER BY ts DESC) AS rn FROM s) WHERE rn = 1;
CREATE MATERIALIZED VIEW lags AS SELECT k, v, LAG(v) OVER w AS prev_v, LAG(v, 2, 0) OVER w AS prev2, LEAD(v) OVER w AS next_v FROM s WINDOW w AS (PARTITION BY k ORDER BY ts);
CREATE MATERIALIZED VIEW sums AS SELECT k, v, SUM(v) OVER (PARTITION BY k ORDER BY ts ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS s2, COUNT(*) OVER (PARTITION BY k ORDER BY ts RANGE BETWEEN INTERVAL '10' SECOND PRECEDING AND CURRENT ROW) AS c10, MAX(v) OVER (PARTITION BY k ORDER BY ts) AS mx FROM s;
CREATE MATERIALIZED VIEW top_total AS SELECT k, total FROM (SELECT k, total, ROW_NUMBER() OVER (ORDER BY total DESC) AS rn FROM (SELECT k, SUM(v) AS total FROM s GROUP BY k)) WHERE rn = 1;
-- One batch; its watermark is 00:00:15 (largest event time 00:00:20 minus 5 s).
INSERT INTO s VALUES ('a', 5, TIMESTAMP '2024-01-01 00:00:03'), ('a', 1, TIMESTAMP '2024-01-01 00:00:01'), ('b', 7, TIMESTAMP '2024-01-01 00:00:02'), ('a', 9, TIMESTAMP '2024-01-01 00:00:12'), ('b', 7, TIMESTAMP '2024-01-01 00:00:14'), ('a', 4, TIMESTAMP '2024-01-01 00:00:20');
SELECT * FROM top2 ORDER BY k, rn;
> k | v | rn
> a | 9 | 1
> a | 5 | 2
> b | 7 | 1
> b | 7 | 2
SELECT * FROM top2_norn;
> k | v
> a | 9
> a | 5
> b | 7
> b | 7
SELECT * FROM ranked ORDER BY v;
> k | v | r
> a | 1 | 1
> a | 4 | 2
SELECT * FROM dense ORDER BY v;
> k | v | r
> a | 1 | 1
> a | 4 | 2
SELECT * FROM first_row ORDER BY k;
> k | v
> a | 1
> b | 7
SELECT * FROM last_row ORDER BY k;
> k | v
> a | 4
> b | 7
-- Rows up to the watermark (00:00:15), in event-time order per key; a row's LEAD waits for the next row.
SELECT * FROM lags ORDER BY k, v;
> k | v | prev_v | prev2 | next_v
> a | 1 | NULL | 0 | 5
> a | 5 | 1 | 0 | 9
> b | 7 | NULL | 0 | 7
SELECT * FROM sums ORDER BY k, v;
> k | v | s2 | c10 | mx
> a | 1 | 1 | 1 | 1
> a | 5 | 6 | 2 | 5
> a | 9 | 14 | 2 | 9
> b | 7 | 7 | 1 | 7
> b | 7 | 14 | 1 | 7
SELECT * FROM top_total;
> k | total
> a | 19
-- The watermark moves to 00:00:25: the row at 00:00:20 is final, and the row before it gets its LEAD.
INSERT INTO s VALUES ('b', 3, TIMESTAMP '2024-01-01 00:00:30');
SELECT * FROM lags ORDER BY k, v;
> k | v | prev_v | prev2 | next_v
> a | 1 | NULL | 0 | 5
> a | 5 | 1 | 0 | 9
> a | 9 | 5 | 1 | 4
> b | 7 | NULL | 0 | 7
SELECT * FROM sums WHERE v = 4;
> k | v | s2 | c10 | mx
> a | 4 | 13 | 2 | 9
SELECT * FROM ranked ORDER BY v;
> k | v | r
> a | 1 | 1
> b | 3 | 2
SELECT * FROM last_row ORDER BY k;
> k | v
> a | 4
> b | 3
-- Top-N over a changelog (an aggregate): the leader changes.
INSERT INTO s VALUES ('b', 10, TIMESTAMP '2024-01-01 00:00:31');
SELECT * FROM top_total;
> k | total
> b | 27
-- A row behind the watermark: late for the event-time windows (dropped), counted by Top-N.
INSERT INTO s VALUES ('a', 100, TIMESTAMP '2024-01-01 00:00:05');
SELECT * FROM top_total;
> k | total
> a | 119
SELECT * FROM top2 WHERE k = 'a' ORDER BY rn;
> k | v | rn
> a | 100 | 1
> a | 9 | 2
SELECT COUNT(*) AS n FROM lags;
> n
> 4
-- Unsupported shapes.
CREATE MATERIALIZED VIEW bad AS SELECT k, ROW_NUMBER() OVER (ORDER BY v) AS rn FROM s;
! 0A000
CREATE MATERIALIZED VIEW bad AS SELECT k, LAG(v) OVER (ORDER BY v) AS p FROM s;
! 0A000
CREATE MATERIALIZED VIEW bad AS SELECT k, LEAD(v, 1, 0) OVER (ORDER BY ts) AS p FROM s;
! 0A000
CREATE MATERIALIZED VIEW bad AS SELECT k, SUM(v) OVER (ORDER BY ts ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS p FROM s;
! 0A000
