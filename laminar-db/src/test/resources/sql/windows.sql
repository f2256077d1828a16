-- Event-time windows of every kind, in TVF syntax, LaminarDB style and Calcite style, read
-- through ad-hoc SELECTs over materialized views (ON UPDATE: the current result of every window
-- that received rows, open ones included). Hand-computed expected results.
CREATE SOURCE trades (sym VARCHAR, price DOUBLE, qty INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '5' SECOND);
CREATE MATERIALIZED VIEW tum AS SELECT window_start, window_end, sym, COUNT(*) AS n, SUM(qty) AS q, MIN(price) AS lo FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end, sym;
CREATE MATERIALIZED VIEW tum_l AS SELECT tumble(ts, INTERVAL '10' SECOND) AS ws, tumble_end(ts, INTERVAL '10' SECOND) AS we, sym, COUNT(*) AS n, SUM(qty) AS q, MIN(price) AS lo FROM trades GROUP BY tumble(ts, INTERVAL '10' SECOND), sym;
CREATE MATERIALIZED VIEW tum_c AS SELECT TUMBLE_START(ts, INTERVAL '10' SECOND) AS ws, TUMBLE_END(ts, INTERVAL '10' SECOND) AS we, sym, COUNT(*) AS n, SUM(qty) AS q, MIN(price) AS lo FROM trades GROUP BY TUMBLE(ts, INTERVAL '10' SECOND), sym;
CREATE MATERIALIZED VIEW tum_off AS SELECT window_start, window_end, sym, COUNT(*) AS n, SUM(qty) AS q, MIN(price) AS lo FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(ts), INTERVAL '10' SECOND, INTERVAL '3' SECOND)) GROUP BY window_start, window_end, sym;
CREATE MATERIALIZED VIEW tum_time AS SELECT window_start, window_end, window_time, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end, window_time;
CREATE MATERIALIZED VIEW hop AS SELECT window_start, window_end, sym, COUNT(*) AS n, SUM(qty) AS q FROM TABLE(HOP(TABLE trades, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND)) GROUP BY window_start, window_end, sym;
CREATE MATERIALIZED VIEW hop_l AS SELECT hop(ts, INTERVAL '5' SECOND, INTERVAL '10' SECOND) AS ws, hop_end(ts, INTERVAL '5' SECOND, INTERVAL '10' SECOND) AS we, sym, COUNT(*) AS n, SUM(qty) AS q FROM trades GROUP BY hop(ts, INTERVAL '5' SECOND, INTERVAL '10' SECOND), sym;
CREATE MATERIALIZED VIEW cum AS SELECT window_start, window_end, sym, COUNT(*) AS n, SUM(qty) AS q FROM TABLE(CUMULATE(TABLE trades, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '15' SECOND)) GROUP BY window_start, window_end, sym;
CREATE MATERIALIZED VIEW cum_l AS SELECT cumulate(ts, INTERVAL '5' SECOND, INTERVAL '15' SECOND) AS ws, cumulate_end(ts, INTERVAL '5' SECOND, INTERVAL '15' SECOND) AS we, sym, COUNT(*) AS n, SUM(qty) AS q FROM trades GROUP BY cumulate(ts, INTERVAL '5' SECOND, INTERVAL '15' SECOND), sym;
CREATE MATERIALIZED VIEW ses AS SELECT window_start, window_end, sym, COUNT(*) AS n, SUM(qty) AS q FROM TABLE(SESSION(TABLE trades PARTITION BY sym, DESCRIPTOR(ts), INTERVAL '5' SECOND)) GROUP BY window_start, window_end, sym;
CREATE MATERIALIZED VIEW ses_l AS SELECT session(ts, INTERVAL '5' SECOND) AS ws, session_end(ts, INTERVAL '5' SECOND) AS we, sym, COUNT(*) AS n, SUM(qty) AS q FROM trades GROUP BY session(ts, INTERVAL '5' SECOND), sym;
-- One batch (watermark before it: none; after it: 00:00:15). A NULL qty and a NULL price.
INSERT INTO trades VALUES ('A', 10.0, 1, TIMESTAMP '2024-01-01 00:00:01'), ('A', 12.0, 2, TIMESTAMP '2024-01-01 00:00:04'), ('B', 20.0, 3, TIMESTAMP '2024-01-01 00:00:09'), ('A', 11.0, NULL, TIMESTAMP '2024-01-01 00:00:12'), ('B', NULL, 5, TIMESTAMP '2024-01-01 00:00:13'), ('A', 9.0, 4, TIMESTAMP '2024-01-01 00:00:20');
SELECT * FROM tum ORDER BY window_start, sym;
> window_start | window_end | sym | n | q | lo
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | A | 2 | 3 | 10.0
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | B | 1 | 3 | 20.0
> 2024-01-01 00:00:10 | 2024-01-01 00:00:20 | A | 1 | NULL | 11.0
> 2024-01-01 00:00:10 | 2024-01-01 00:00:20 | B | 1 | 5 | NULL
> 2024-01-01 00:00:20 | 2024-01-01 00:00:30 | A | 1 | 4 | 9.0
-- Sessions (gap 5 s) per symbol: A at 1, 4 | 12 | 20; B at 9, 13.
SELECT * FROM ses ORDER BY sym, window_start;
> window_start | window_end | sym | n | q
> 2024-01-01 00:00:01 | 2024-01-01 00:00:09 | A | 2 | 3
> 2024-01-01 00:00:12 | 2024-01-01 00:00:17 | A | 1 | NULL
> 2024-01-01 00:00:20 | 2024-01-01 00:00:25 | A | 1 | 4
> 2024-01-01 00:00:09 | 2024-01-01 00:00:18 | B | 2 | 8
-- A row at 00:00:16 (not late: its windows end after the watermark 00:00:15) lands in
-- [10, 20) and bridges the A sessions [12, 17) and [20, 25) into [12, 25).
INSERT INTO trades VALUES ('A', 8.0, 6, TIMESTAMP '2024-01-01 00:00:16');
SELECT * FROM tum ORDER BY window_start, sym;
> window_start | window_end | sym | n | q | lo
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | A | 2 | 3 | 10.0
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | B | 1 | 3 | 20.0
> 2024-01-01 00:00:10 | 2024-01-01 00:00:20 | A | 2 | 6 | 8.0
> 2024-01-01 00:00:10 | 2024-01-01 00:00:20 | B | 1 | 5 | NULL
> 2024-01-01 00:00:20 | 2024-01-01 00:00:30 | A | 1 | 4 | 9.0
SELECT * FROM tum_l ORDER BY ws, sym;
> ws | we | sym | n | q | lo
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | A | 2 | 3 | 10.0
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | B | 1 | 3 | 20.0
> 2024-01-01 00:00:10 | 2024-01-01 00:00:20 | A | 2 | 6 | 8.0
> 2024-01-01 00:00:10 | 2024-01-01 00:00:20 | B | 1 | 5 | NULL
> 2024-01-01 00:00:20 | 2024-01-01 00:00:30 | A | 1 | 4 | 9.0
SELECT * FROM tum_c ORDER BY ws, sym;
> ws | we | sym | n | q | lo
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | A | 2 | 3 | 10.0
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | B | 1 | 3 | 20.0
> 2024-01-01 00:00:10 | 2024-01-01 00:00:20 | A | 2 | 6 | 8.0
> 2024-01-01 00:00:10 | 2024-01-01 00:00:20 | B | 1 | 5 | NULL
> 2024-01-01 00:00:20 | 2024-01-01 00:00:30 | A | 1 | 4 | 9.0
-- Offset 3 s: windows [-7, 3), [3, 13), [13, 23).
SELECT * FROM tum_off ORDER BY window_start, sym;
> window_start | window_end | sym | n | q | lo
> 2023-12-31 23:59:53 | 2024-01-01 00:00:03 | A | 1 | 1 | 10.0
> 2024-01-01 00:00:03 | 2024-01-01 00:00:13 | A | 2 | 2 | 11.0
> 2024-01-01 00:00:03 | 2024-01-01 00:00:13 | B | 1 | 3 | 20.0
> 2024-01-01 00:00:13 | 2024-01-01 00:00:23 | A | 2 | 10 | 8.0
> 2024-01-01 00:00:13 | 2024-01-01 00:00:23 | B | 1 | 5 | NULL
-- window_time is window_end minus one microsecond (subscriptions show 00:00:09.999999; ad-hoc
-- queries run on Calcite, whose TIMESTAMP values have millisecond precision, see docs/SQL.md).
SELECT * FROM tum_time ORDER BY window_start;
> window_start | window_end | window_time | n
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | 2024-01-01 00:00:09.999000 | 3
> 2024-01-01 00:00:10 | 2024-01-01 00:00:20 | 2024-01-01 00:00:19.999000 | 3
> 2024-01-01 00:00:20 | 2024-01-01 00:00:30 | 2024-01-01 00:00:29.999000 | 1
-- Hop (slide 5 s, size 10 s): every row is in two windows.
SELECT * FROM hop ORDER BY sym, window_start;
> window_start | window_end | sym | n | q
> 2023-12-31 23:59:55 | 2024-01-01 00:00:05 | A | 2 | 3
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | A | 2 | 3
> 2024-01-01 00:00:05 | 2024-01-01 00:00:15 | A | 1 | NULL
> 2024-01-01 00:00:10 | 2024-01-01 00:00:20 | A | 2 | 6
> 2024-01-01 00:00:15 | 2024-01-01 00:00:25 | A | 2 | 10
> 2024-01-01 00:00:20 | 2024-01-01 00:00:30 | A | 1 | 4
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | B | 1 | 3
> 2024-01-01 00:00:05 | 2024-01-01 00:00:15 | B | 2 | 8
> 2024-01-01 00:00:10 | 2024-01-01 00:00:20 | B | 1 | 5
SELECT * FROM hop_l ORDER BY sym, ws;
> ws | we | sym | n | q
> 2023-12-31 23:59:55 | 2024-01-01 00:00:05 | A | 2 | 3
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | A | 2 | 3
> 2024-01-01 00:00:05 | 2024-01-01 00:00:15 | A | 1 | NULL
> 2024-01-01 00:00:10 | 2024-01-01 00:00:20 | A | 2 | 6
> 2024-01-01 00:00:15 | 2024-01-01 00:00:25 | A | 2 | 10
> 2024-01-01 00:00:20 | 2024-01-01 00:00:30 | A | 1 | 4
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | B | 1 | 3
> 2024-01-01 00:00:05 | 2024-01-01 00:00:15 | B | 2 | 8
> 2024-01-01 00:00:10 | 2024-01-01 00:00:20 | B | 1 | 5
-- Cumulate (step 5 s, max 15 s): periods [0, 15) and [15, 30), windows growing by 5 s.
SELECT * FROM cum ORDER BY sym, window_start, window_end;
> window_start | window_end | sym | n | q
> 2024-01-01 00:00:00 | 2024-01-01 00:00:05 | A | 2 | 3
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | A | 2 | 3
> 2024-01-01 00:00:00 | 2024-01-01 00:00:15 | A | 3 | 3
> 2024-01-01 00:00:15 | 2024-01-01 00:00:20 | A | 1 | 6
> 2024-01-01 00:00:15 | 2024-01-01 00:00:25 | A | 2 | 10
> 2024-01-01 00:00:15 | 2024-01-01 00:00:30 | A | 2 | 10
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | B | 1 | 3
> 2024-01-01 00:00:00 | 2024-01-01 00:00:15 | B | 2 | 8
SELECT * FROM cum_l ORDER BY sym, ws, we;
> ws | we | sym | n | q
> 2024-01-01 00:00:00 | 2024-01-01 00:00:05 | A | 2 | 3
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | A | 2 | 3
> 2024-01-01 00:00:00 | 2024-01-01 00:00:15 | A | 3 | 3
> 2024-01-01 00:00:15 | 2024-01-01 00:00:20 | A | 1 | 6
> 2024-01-01 00:00:15 | 2024-01-01 00:00:25 | A | 2 | 10
> 2024-01-01 00:00:15 | 2024-01-01 00:00:30 | A | 2 | 10
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | B | 1 | 3
> 2024-01-01 00:00:00 | 2024-01-01 00:00:15 | B | 2 | 8
-- The merged session replaced the two it bridged.
SELECT * FROM ses ORDER BY sym, window_start;
> window_start | window_end | sym | n | q
> 2024-01-01 00:00:01 | 2024-01-01 00:00:09 | A | 2 | 3
> 2024-01-01 00:00:12 | 2024-01-01 00:00:25 | A | 3 | 10
> 2024-01-01 00:00:09 | 2024-01-01 00:00:18 | B | 2 | 8
SELECT * FROM ses_l ORDER BY sym, ws;
> ws | we | sym | n | q
> 2024-01-01 00:00:01 | 2024-01-01 00:00:09 | A | 2 | 3
> 2024-01-01 00:00:12 | 2024-01-01 00:00:25 | A | 3 | 10
> 2024-01-01 00:00:09 | 2024-01-01 00:00:18 | B | 2 | 8
-- Ad-hoc queries over the views: aggregates, joins between syntaxes.
SELECT sym, SUM(n) AS rows_in, COUNT(*) AS windows FROM tum GROUP BY sym ORDER BY sym;
> sym | rows_in | windows
> A | 5 | 3
> B | 2 | 2
SELECT COUNT(*) AS matching FROM tum t JOIN tum_l l ON t.window_start = l.ws AND t.window_end = l.we AND t.sym = l.sym AND t.n = l.n;
> matching
> 5
SELECT h.sym, MAX(h.n) AS most FROM hop h JOIN ses s ON h.sym = s.sym AND h.window_start >= s.window_start AND h.window_end <= s.window_end GROUP BY h.sym ORDER BY h.sym;
> sym | most
> A | 2
SELECT window_start, n FROM cum WHERE sym = 'A' AND window_end = window_start + INTERVAL '15' SECOND ORDER BY window_start;
> window_start | n
> 2024-01-01 00:00:00 | 3
> 2024-01-01 00:00:15 | 2
