-- More aggregates: FIRST_VALUE/LAST_VALUE by event time, variance and standard deviation,
-- APPROX_COUNT_DISTINCT, PERCENTILE_CONT/PERCENTILE_DISC and FILTER (WHERE ...).
CREATE SOURCE t (k VARCHAR, v INT, d DOUBLE, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '5' SECOND);
CREATE MATERIALIZED VIEW fl AS SELECT k, FIRST_VALUE(v) AS f, LAST_VALUE(v) AS l, FIRST_VALUE(d) AS fd, LAST_VALUE(k) AS lk FROM t GROUP BY k;
CREATE MATERIALIZED VIEW st AS SELECT k, VAR_POP(v) AS vp, VAR_SAMP(v) AS vs, STDDEV_POP(v) AS sp, STDDEV_SAMP(v) AS ss, STDDEV(v) AS s2, VARIANCE(v) AS v2 FROM t GROUP BY k;
CREATE MATERIALIZED VIEW ap AS SELECT k, APPROX_COUNT_DISTINCT(v) AS a, COUNT(DISTINCT v) AS e FROM t GROUP BY k;
CREATE MATERIALIZED VIEW pc AS SELECT k, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY d) AS med, PERCENTILE_CONT(0.25) WITHIN GROUP (ORDER BY d) AS q1, PERCENTILE_CONT(0.25) WITHIN GROUP (ORDER BY d DESC) AS q3, PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY d) AS dmed FROM t GROUP BY k;
CREATE MATERIALIZED VIEW fw AS SELECT k, COUNT(*) AS n, COUNT(*) FILTER (WHERE v > 1) AS big, SUM(v) FILTER (WHERE d > 1.5) AS sd, MAX(v) FILTER (WHERE d IS NULL) AS mnull, AVG(d) FILTER (WHERE v IS NULL) AS an FROM t GROUP BY k;
-- Group a arrives out of event-time order (within the watermark delay); NULL arguments are skipped.
INSERT INTO t VALUES ('a', 1, 1.0, TIMESTAMP '2024-01-01 00:00:02'), ('a', 3, 2.0, TIMESTAMP '2024-01-01 00:00:01'), ('a', 5, NULL, TIMESTAMP '2024-01-01 00:00:03'), ('a', NULL, 4.0, TIMESTAMP '2024-01-01 00:00:04'), ('b', 7, 3.0, TIMESTAMP '2024-01-01 00:00:05');
SELECT * FROM fl ORDER BY k;
> k | f | l | fd | lk
> a | 3 | 5 | 2.0 | a
> b | 7 | 7 | 3.0 | b
SELECT * FROM st ORDER BY k;
> k | vp | vs | sp | ss | s2 | v2
> a | 2.6666666666666665 | 4.0 | 1.632993161855452 | 2.0 | 2.0 | 4.0
> b | 0.0 | NULL | 0.0 | NULL | NULL | NULL
SELECT * FROM ap ORDER BY k;
> k | a | e
> a | 3 | 3
> b | 1 | 1
SELECT * FROM pc ORDER BY k;
> k | med | q1 | q3 | dmed
> a | 2.0 | 1.5 | 3.0 | 2.0
> b | 3.0 | 3.0 | 3.0 | 3.0
SELECT * FROM fw ORDER BY k;
> k | n | big | sd | mnull | an
> a | 4 | 2 | 3 | 5 | 4.0
> b | 1 | 1 | 7 | NULL | NULL
-- Ties in event time: FIRST_VALUE keeps the earliest arrival, LAST_VALUE takes the latest.
INSERT INTO t VALUES ('b', 8, 0.5, TIMESTAMP '2024-01-01 00:00:05'), ('b', 9, 9.0, TIMESTAMP '2024-01-01 00:00:05');
SELECT k, f, l, fd FROM fl WHERE k = 'b';
> k | f | l | fd
> b | 7 | 9 | 3.0
SELECT k, med, dmed FROM pc WHERE k = 'b';
> k | med | dmed
> b | 3.0 | 3.0
-- Over a changelog: variance, percentiles and FILTER follow updates and deletes.
CREATE SOURCE s (k INT, v INT);
CREATE MATERIALIZED VIEW mx AS SELECT k, MAX(v) AS m FROM s GROUP BY k;
CREATE MATERIALIZED VIEW r AS SELECT VAR_SAMP(m) AS vs, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY CAST(m AS DOUBLE)) AS med, PERCENTILE_DISC(1.0) WITHIN GROUP (ORDER BY m) AS top, COUNT(*) FILTER (WHERE m >= 20) AS hi FROM mx;
CREATE MATERIALIZED VIEW arrival AS SELECT k, FIRST_VALUE(v) AS f, LAST_VALUE(v) AS l FROM s GROUP BY k;
SELECT * FROM r;
> vs | med | top | hi
> NULL | NULL | NULL | 0
INSERT INTO s VALUES (1, 10), (2, 20), (3, 30);
SELECT * FROM r;
> vs | med | top | hi
> 100.0 | 20.0 | 30 | 2
INSERT INTO s VALUES (1, 40);
SELECT * FROM r;
> vs | med | top | hi
> 100.0 | 30.0 | 40 | 3
INSERT INTO s VALUES (4, 5);
SELECT * FROM r;
> vs | med | top | hi
> 222.91666666666666 | 25.0 | 40 | 3
-- Without an event-time column FIRST_VALUE/LAST_VALUE follow arrival order.
SELECT * FROM arrival ORDER BY k;
> k | f | l
> 1 | 10 | 40
> 2 | 20 | 20
> 3 | 30 | 30
> 4 | 5 | 5
-- Append-only functions over a changelog, and DISTINCT statistics, are rejected.
CREATE MATERIALIZED VIEW bad1 AS SELECT FIRST_VALUE(m) AS f FROM mx;
! 0A000
CREATE MATERIALIZED VIEW bad2 AS SELECT LAST_VALUE(m) AS f FROM mx;
! 0A000
CREATE MATERIALIZED VIEW bad3 AS SELECT APPROX_COUNT_DISTINCT(m) AS a FROM mx;
! 0A000
CREATE MATERIALIZED VIEW bad4 AS SELECT STDDEV_POP(DISTINCT v) AS sd FROM s;
! 0A000
CREATE MATERIALIZED VIEW bad5 AS SELECT PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY v DESC) AS p FROM s;
! 0A000
