-- Views over changelogs: updates retract old rows; MIN/MAX recover when the extreme goes away.
CREATE SOURCE s (k INT, v INT);
CREATE MATERIALIZED VIEW mx AS SELECT k, MAX(v) AS m FROM s GROUP BY k;
CREATE MATERIALIZED VIEW summary AS SELECT MIN(m) AS lo, MAX(m) AS hi, COUNT(*) AS n_groups, SUM(m) AS total FROM mx;
CREATE MATERIALIZED VIEW hist AS SELECT m, COUNT(*) AS c FROM mx GROUP BY m;
INSERT INTO s VALUES (1, 10), (2, 20), (3, 30);
SELECT * FROM summary;
> lo | hi | n_groups | total
> 10 | 30 | 3 | 60
INSERT INTO s VALUES (1, 40);
SELECT * FROM summary;
> lo | hi | n_groups | total
> 20 | 40 | 3 | 90
SELECT * FROM hist ORDER BY m;
> m | c
> 20 | 1
> 30 | 1
> 40 | 1
INSERT INTO s VALUES (2, 40), (3, 40);
SELECT * FROM hist;
> m | c
> 40 | 3
SELECT * FROM summary;
> lo | hi | n_groups | total
> 40 | 40 | 3 | 120
-- A filter over a changelog keeps it consistent.
CREATE MATERIALIZED VIEW high AS SELECT k, m FROM mx WHERE m >= 40;
INSERT INTO s VALUES (4, 5);
SELECT * FROM high ORDER BY k;
> k | m
> 1 | 40
> 2 | 40
> 3 | 40
INSERT INTO s VALUES (4, 45);
SELECT COUNT(*) AS n, MAX(m) AS top FROM high;
> n | top
> 4 | 45
