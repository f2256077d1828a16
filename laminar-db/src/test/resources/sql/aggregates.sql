-- Unbounded GROUP BY aggregates equal what batch SQL returns over the same rows.
CREATE SOURCE t (k VARCHAR, v INT, d DOUBLE);
CREATE MATERIALIZED VIEW g AS SELECT k, COUNT(*) AS n, COUNT(v) AS nv, SUM(v) AS sv, AVG(v) AS av, MIN(v) AS mn, MAX(v) AS mx, COUNT(DISTINCT v) AS dv FROM t GROUP BY k;
CREATE MATERIALIZED VIEW total AS SELECT COUNT(*) AS n, SUM(v) AS s, AVG(d) AS a FROM t;
CREATE MATERIALIZED VIEW h AS SELECT k, SUM(v) AS s FROM t GROUP BY k HAVING COUNT(*) > 1;
CREATE MATERIALIZED VIEW ks AS SELECT DISTINCT k FROM t WHERE k IS NOT NULL;
-- A global aggregate over no rows is one row, as in batch SQL.
SELECT * FROM total;
> n | s | a
> 0 | NULL | NULL
INSERT INTO t VALUES ('a', 1, 1.0), ('a', 2, 2.0), ('a', 2, NULL), ('b', NULL, 4.0), (NULL, 5, 5.0);
SELECT * FROM g ORDER BY k;
> k | n | nv | sv | av | mn | mx | dv
> a | 3 | 3 | 5 | 1.6666666666666667 | 1 | 2 | 2
> b | 1 | 0 | NULL | NULL | NULL | NULL | 0
> NULL | 1 | 1 | 5 | 5.0 | 5 | 5 | 1
SELECT * FROM total;
> n | s | a
> 5 | 10 | 3.0
SELECT * FROM h;
> k | s
> a | 5
INSERT INTO t VALUES ('b', 7, 0.0), ('b', 1, 0.0);
SELECT * FROM h ORDER BY k;
> k | s
> a | 5
> b | 8
SELECT * FROM ks ORDER BY k;
> k
> a
> b
-- Ad-hoc SQL over a view: GROUP BY, ORDER BY, LIMIT.
SELECT n > 1 AS many, COUNT(*) AS n_groups FROM g GROUP BY n > 1 ORDER BY many;
> many | n_groups
> false | 1
> true | 2
