-- Watermarks: the largest event time seen minus the bound, moving only between batches.
CREATE SOURCE t (k VARCHAR, v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '5' SECOND);
CREATE SOURCE bare (k VARCHAR, ts TIMESTAMP, WATERMARK FOR ts);
CREATE SOURCE nowm (k VARCHAR, ts TIMESTAMP);
SHOW SOURCES;
> name | connector | watermark_clause | watermark | status
> bare | NULL | WATERMARK FOR ts | NULL | RUNNING
> nowm | NULL | NULL | NULL | RUNNING
> t | NULL | WATERMARK FOR ts AS ts - INTERVAL '5' SECOND | NULL | RUNNING
CREATE STREAM w AS SELECT window_start, window_end, k, COUNT(*) AS n, SUM(v) AS s FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end, k;
CREATE MATERIALIZED VIEW out_w AS SELECT * FROM w;
-- One batch: out of order rows are all assigned before the watermark moves.
INSERT INTO t VALUES ('a', 1, TIMESTAMP '2026-01-01 00:00:12'), ('a', 2, TIMESTAMP '2026-01-01 00:00:03'), ('b', 5, TIMESTAMP '2026-01-01 00:00:09');
SHOW SOURCES;
> name | connector | watermark_clause | watermark | status
> bare | NULL | WATERMARK FOR ts | NULL | RUNNING
> nowm | NULL | NULL | NULL | RUNNING
> t | NULL | WATERMARK FOR ts AS ts - INTERVAL '5' SECOND | 2026-01-01 00:00:07 | RUNNING
SELECT * FROM out_w;
> window_start | window_end | k | n | s
-- The watermark reaches 00:00:10: the first window closes.
INSERT INTO t VALUES ('a', 4, TIMESTAMP '2026-01-01 00:00:15');
SELECT * FROM out_w ORDER BY k;
> window_start | window_end | k | n | s
> 2026-01-01 00:00:00 | 2026-01-01 00:00:10 | a | 1 | 2
> 2026-01-01 00:00:00 | 2026-01-01 00:00:10 | b | 1 | 5
-- A late row (its window closed) changes nothing and is counted.
INSERT INTO t VALUES ('a', 100, TIMESTAMP '2026-01-01 00:00:01');
SELECT * FROM out_w ORDER BY k;
> window_start | window_end | k | n | s
> 2026-01-01 00:00:00 | 2026-01-01 00:00:10 | a | 1 | 2
> 2026-01-01 00:00:00 | 2026-01-01 00:00:10 | b | 1 | 5
SHOW STREAMS;
> name | inputs | output | watermark | late_rows | status
> w | t | append-only | 2026-01-01 00:00:10 | 1 | RUNNING
-- The watermark never goes back.
INSERT INTO t VALUES ('c', 1, TIMESTAMP '2026-01-01 00:00:11');
SHOW SOURCES;
> name | connector | watermark_clause | watermark | status
> bare | NULL | WATERMARK FOR ts | NULL | RUNNING
> nowm | NULL | NULL | NULL | RUNNING
> t | NULL | WATERMARK FOR ts AS ts - INTERVAL '5' SECOND | 2026-01-01 00:00:10 | RUNNING
-- Windows need a watermark.
CREATE STREAM bad AS SELECT window_start, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE nowm, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end;
! 0A000
-- Idle timeout is a source option and needs a watermark.
CREATE SOURCE idle1 (ts TIMESTAMP, WATERMARK FOR ts) WITH ('watermark.idle_timeout' = '2s');
CREATE SOURCE idle2 (ts TIMESTAMP) WITH ('watermark.idle_timeout' = '2s');
! 22023
CREATE SOURCE idle3 (ts TIMESTAMP, WATERMARK FOR ts) WITH ('watermark.idle_timeout' = 'soon');
! 22023
CREATE SOURCE idle4 (ts TIMESTAMP, WATERMARK FOR ts) WITH ('color' = 'blue');
! 22023
-- Ad-hoc queries over a view use Calcite's window table functions (window_start, window_end).
CREATE MATERIALIZED VIEW raw AS SELECT k, ts FROM t;
INSERT INTO t (k, ts) VALUES ('x', TIMESTAMP '2026-01-01 00:00:21'), ('x', TIMESTAMP '2026-01-01 00:00:32');
SELECT * FROM TABLE(TUMBLE(TABLE raw, DESCRIPTOR(ts), INTERVAL '10' SECOND)) ORDER BY ts;
> k | ts | window_start | window_end
> x | 2026-01-01 00:00:21 | 2026-01-01 00:00:20 | 2026-01-01 00:00:30
> x | 2026-01-01 00:00:32 | 2026-01-01 00:00:30 | 2026-01-01 00:00:40
SELECT window_start, COUNT(*) AS n FROM TABLE(HOP(TABLE raw, DESCRIPTOR(ts), INTERVAL '10' SECOND, INTERVAL '20' SECOND)) GROUP BY window_start ORDER BY window_start;
> window_start | n
> 2026-01-01 00:00:10 | 1
> 2026-01-01 00:00:20 | 2
> 2026-01-01 00:00:30 | 1
SELECT tumble(ts, INTERVAL '10' SECOND) AS w, COUNT(*) AS n FROM raw GROUP BY tumble(ts, INTERVAL '10' SECOND);
! 0A000
