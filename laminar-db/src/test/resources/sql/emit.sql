-- EMIT modes, ALLOW LATENESS and LATE DATA TO over a 10 s tumbling window, with hand-computed
-- results. The watermark is the largest event time seen minus 5 s and moves between INSERT
-- statements only; streams are read through materialized views over them.
CREATE SOURCE trades (sym VARCHAR, price DOUBLE, qty INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '5' SECOND);
-- ON WINDOW CLOSE is the default of a stream: one row per window once the watermark passes its end.
CREATE STREAM s_close AS SELECT window_start, window_end, sym, COUNT(*) AS n, SUM(qty) AS q FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end, sym;
CREATE MATERIALIZED VIEW v_close AS SELECT * FROM s_close;
CREATE STREAM s_aw AS SELECT window_start, window_end, sym, COUNT(*) AS n, SUM(qty) AS q FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end, sym EMIT AFTER WATERMARK;
CREATE MATERIALIZED VIEW v_aw AS SELECT * FROM s_aw;
CREATE STREAM s_final AS SELECT window_start, window_end, sym, COUNT(*) AS n, SUM(qty) AS q FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end, sym EMIT FINAL;
CREATE MATERIALIZED VIEW v_final AS SELECT * FROM s_final;
-- With 3 s of allowed lateness a window closes at its end + 3 s; rows after that go to late_s.
CREATE STREAM s_late AS SELECT window_start, window_end, sym, COUNT(*) AS n, SUM(qty) AS q FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end, sym EMIT ON WINDOW CLOSE ALLOW LATENESS INTERVAL '3' SECOND LATE DATA TO late_s;
CREATE MATERIALIZED VIEW v_late AS SELECT * FROM s_late;
CREATE MATERIALIZED VIEW v_late_rows AS SELECT * FROM late_s;
-- ON UPDATE is the default of a materialized view: every window, open ones included.
CREATE MATERIALIZED VIEW m_upd AS SELECT window_start, window_end, sym, COUNT(*) AS n, SUM(qty) AS q FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end, sym;
CREATE MATERIALIZED VIEW m_upd_l AS SELECT window_start, window_end, sym, COUNT(*) AS n, SUM(qty) AS q FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end, sym EMIT ON UPDATE ALLOW LATENESS INTERVAL '3' SECOND;
CREATE STREAM s_chg AS SELECT window_start, window_end, sym, COUNT(*) AS n, SUM(qty) AS q FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end, sym EMIT CHANGES;
CREATE MATERIALIZED VIEW v_chg AS SELECT * FROM s_chg;
CREATE MATERIALIZED VIEW m_every AS SELECT window_start, window_end, sym, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end, sym EMIT EVERY INTERVAL '0.1' SECOND;
-- Sessions (gap 5 s) on window close.
CREATE STREAM s_ses AS SELECT window_start, window_end, sym, COUNT(*) AS n FROM TABLE(SESSION(TABLE trades PARTITION BY sym, DESCRIPTOR(ts), INTERVAL '5' SECOND)) GROUP BY window_start, window_end, sym EMIT ON WINDOW CLOSE;
CREATE MATERIALIZED VIEW v_ses AS SELECT * FROM s_ses;
-- Batch 1; watermark after it 00:00:03: nothing closed.
INSERT INTO trades VALUES ('A', 1.0, 1, TIMESTAMP '2024-01-01 00:00:01'), ('A', 2.0, 2, TIMESTAMP '2024-01-01 00:00:08'), ('B', 3.0, 3, TIMESTAMP '2024-01-01 00:00:05');
SELECT * FROM v_close;
> window_start | window_end | sym | n | q
SELECT * FROM m_upd ORDER BY window_start, sym;
> window_start | window_end | sym | n | q
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | A | 2 | 3
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | B | 1 | 3
SELECT * FROM v_chg ORDER BY window_start, sym;
> window_start | window_end | sym | n | q
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | A | 2 | 3
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | B | 1 | 3
-- Batch 2; watermark 00:00:11 closes [0, 10) without lateness, not yet with 3 s.
INSERT INTO trades VALUES ('A', 4.0, 4, TIMESTAMP '2024-01-01 00:00:16');
SELECT * FROM v_close ORDER BY window_start, sym;
> window_start | window_end | sym | n | q
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | A | 2 | 3
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | B | 1 | 3
SELECT * FROM v_aw ORDER BY window_start, sym;
> window_start | window_end | sym | n | q
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | A | 2 | 3
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | B | 1 | 3
SELECT * FROM v_final ORDER BY window_start, sym;
> window_start | window_end | sym | n | q
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | A | 2 | 3
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | B | 1 | 3
SELECT * FROM v_late;
> window_start | window_end | sym | n | q
-- Sessions A [1, 6) and B [5, 10) are closed; A [8, 13) and [16, 21) are open.
SELECT * FROM v_ses ORDER BY window_start;
> window_start | window_end | sym | n
> 2024-01-01 00:00:01 | 2024-01-01 00:00:06 | A | 1
> 2024-01-01 00:00:05 | 2024-01-01 00:00:10 | B | 1
-- Batch 3: a row at 00:00:09 is late without lateness (its window [0, 10) closed) and changes
-- nothing there; with 3 s of lateness it still counts. It extends the open session A [8, 13).
INSERT INTO trades VALUES ('A', 5.0, 5, TIMESTAMP '2024-01-01 00:00:09');
SELECT * FROM v_close ORDER BY window_start, sym;
> window_start | window_end | sym | n | q
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | A | 2 | 3
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | B | 1 | 3
SELECT * FROM m_upd ORDER BY window_start, sym;
> window_start | window_end | sym | n | q
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | A | 2 | 3
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | B | 1 | 3
> 2024-01-01 00:00:10 | 2024-01-01 00:00:20 | A | 1 | 4
SELECT * FROM m_upd_l ORDER BY window_start, sym;
> window_start | window_end | sym | n | q
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | A | 3 | 8
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | B | 1 | 3
> 2024-01-01 00:00:10 | 2024-01-01 00:00:20 | A | 1 | 4
SELECT * FROM v_chg ORDER BY window_start, sym;
> window_start | window_end | sym | n | q
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | A | 2 | 3
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | B | 1 | 3
> 2024-01-01 00:00:10 | 2024-01-01 00:00:20 | A | 1 | 4
SELECT * FROM v_late;
> window_start | window_end | sym | n | q
SELECT * FROM v_late_rows;
> sym | price | qty | ts
-- Batch 4: watermark 00:00:14 reaches 10 s + 3 s: the late-tolerant window closes with the
-- row of batch 3; session A [8, 14) closes.
INSERT INTO trades VALUES ('B', 6.0, 6, TIMESTAMP '2024-01-01 00:00:19');
SELECT * FROM v_late ORDER BY window_start, sym;
> window_start | window_end | sym | n | q
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | A | 3 | 8
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | B | 1 | 3
SELECT * FROM v_ses ORDER BY window_start;
> window_start | window_end | sym | n
> 2024-01-01 00:00:01 | 2024-01-01 00:00:06 | A | 1
> 2024-01-01 00:00:05 | 2024-01-01 00:00:10 | B | 1
> 2024-01-01 00:00:08 | 2024-01-01 00:00:14 | A | 2
-- Batch 5: a row at 00:00:07 is late for every query; it goes to the LATE DATA stream.
INSERT INTO trades VALUES ('A', 7.0, 7, TIMESTAMP '2024-01-01 00:00:07');
SELECT * FROM v_late_rows;
> sym | price | qty | ts
> A | 7.0 | 7 | 2024-01-01 00:00:07
SELECT * FROM m_upd_l ORDER BY window_start, sym;
> window_start | window_end | sym | n | q
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | A | 3 | 8
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | B | 1 | 3
> 2024-01-01 00:00:10 | 2024-01-01 00:00:20 | A | 1 | 4
> 2024-01-01 00:00:10 | 2024-01-01 00:00:20 | B | 1 | 6
-- Batch 6: a row far in the future closes every window before it.
INSERT INTO trades VALUES ('Z', 0.0, 0, TIMESTAMP '2024-01-01 00:10:00');
SELECT * FROM v_close ORDER BY window_start, sym;
> window_start | window_end | sym | n | q
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | A | 2 | 3
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | B | 1 | 3
> 2024-01-01 00:00:10 | 2024-01-01 00:00:20 | A | 1 | 4
> 2024-01-01 00:00:10 | 2024-01-01 00:00:20 | B | 1 | 6
SELECT * FROM v_aw ORDER BY window_start, sym;
> window_start | window_end | sym | n | q
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | A | 2 | 3
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | B | 1 | 3
> 2024-01-01 00:00:10 | 2024-01-01 00:00:20 | A | 1 | 4
> 2024-01-01 00:00:10 | 2024-01-01 00:00:20 | B | 1 | 6
SELECT * FROM v_final ORDER BY window_start, sym;
> window_start | window_end | sym | n | q
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | A | 2 | 3
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | B | 1 | 3
> 2024-01-01 00:00:10 | 2024-01-01 00:00:20 | A | 1 | 4
> 2024-01-01 00:00:10 | 2024-01-01 00:00:20 | B | 1 | 6
SELECT * FROM v_late ORDER BY window_start, sym;
> window_start | window_end | sym | n | q
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | A | 3 | 8
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | B | 1 | 3
> 2024-01-01 00:00:10 | 2024-01-01 00:00:20 | A | 1 | 4
> 2024-01-01 00:00:10 | 2024-01-01 00:00:20 | B | 1 | 6
SELECT * FROM v_ses ORDER BY window_start;
> window_start | window_end | sym | n
> 2024-01-01 00:00:01 | 2024-01-01 00:00:06 | A | 1
> 2024-01-01 00:00:05 | 2024-01-01 00:00:10 | B | 1
> 2024-01-01 00:00:08 | 2024-01-01 00:00:14 | A | 2
> 2024-01-01 00:00:16 | 2024-01-01 00:00:21 | A | 1
> 2024-01-01 00:00:19 | 2024-01-01 00:00:24 | B | 1
SELECT * FROM m_upd ORDER BY window_start, sym;
> window_start | window_end | sym | n | q
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | A | 2 | 3
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | B | 1 | 3
> 2024-01-01 00:00:10 | 2024-01-01 00:00:20 | A | 1 | 4
> 2024-01-01 00:00:10 | 2024-01-01 00:00:20 | B | 1 | 6
> 2024-01-01 00:10:00 | 2024-01-01 00:10:10 | Z | 1 | 0
SELECT * FROM m_upd_l ORDER BY window_start, sym;
> window_start | window_end | sym | n | q
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | A | 3 | 8
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | B | 1 | 3
> 2024-01-01 00:00:10 | 2024-01-01 00:00:20 | A | 1 | 4
> 2024-01-01 00:00:10 | 2024-01-01 00:00:20 | B | 1 | 6
> 2024-01-01 00:10:00 | 2024-01-01 00:10:10 | Z | 1 | 0
SELECT * FROM v_chg ORDER BY window_start, sym;
> window_start | window_end | sym | n | q
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | A | 2 | 3
> 2024-01-01 00:00:00 | 2024-01-01 00:00:10 | B | 1 | 3
> 2024-01-01 00:00:10 | 2024-01-01 00:00:20 | A | 1 | 4
> 2024-01-01 00:00:10 | 2024-01-01 00:00:20 | B | 1 | 6
> 2024-01-01 00:10:00 | 2024-01-01 00:10:10 | Z | 1 | 0
SELECT * FROM v_late_rows;
> sym | price | qty | ts
> A | 7.0 | 7 | 2024-01-01 00:00:07
-- Errors: windows need a source WATERMARK; EMIT ON WINDOW CLOSE needs a window; windows over a
-- changelog (an upsert source) are not supported.
CREATE SOURCE plain (sym VARCHAR, qty INT, ts TIMESTAMP);
CREATE STREAM no_wm AS SELECT window_start, window_end, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE plain, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end;
! 0A000
CREATE MATERIALIZED VIEW no_wm2 AS SELECT tumble(ts, INTERVAL '10' SECOND) AS ws, COUNT(*) AS n FROM plain GROUP BY tumble(ts, INTERVAL '10' SECOND);
! 0A000
CREATE STREAM not_windowed AS SELECT sym, COUNT(*) AS n FROM trades GROUP BY sym EMIT ON WINDOW CLOSE;
! 0A000
CREATE SOURCE quotes (sym VARCHAR, price DOUBLE, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '5' SECOND, PRIMARY KEY (sym));
CREATE STREAM over_changelog AS SELECT window_start, window_end, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE quotes, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end;
! 0A000
CREATE MATERIALIZED VIEW over_changelog2 AS SELECT tumble(ts, INTERVAL '10' SECOND) AS ws, COUNT(*) AS n FROM quotes GROUP BY tumble(ts, INTERVAL '10' SECOND);
! 0A000
