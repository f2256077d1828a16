-- Expressions with SQL typing and NULL logic in a continuous query.
CREATE SOURCE e (a INT, b BIGINT, d DOUBLE, s VARCHAR, ts TIMESTAMP, amount DECIMAL(10, 2));
CREATE MATERIALIZED VIEW x AS SELECT a, a + b AS ab, CASE WHEN a > 1 THEN b ELSE 0 END AS c, COALESCE(s, 'none') AS s2, UPPER(s) AS up, CHAR_LENGTH(s) AS len, a BETWEEN 1 AND 2 AS btw, a IN (1, 3) AS inn, s LIKE 'h%' AS lk, amount * 2 AS amt2, EXTRACT(HOUR FROM ts) AS hr, ts + INTERVAL '1' DAY AS tomorrow, NULLIF(a, 1) AS nf, ROUND(d, 1) AS rd FROM e;
INSERT INTO e VALUES (1, 10, 2.46, 'hello', TIMESTAMP '2024-03-01 10:30:00', 12.34), (2, 20, -1.5, NULL, TIMESTAMP '2024-03-02 23:00:00', NULL), (NULL, 5, NULL, 'x', NULL, 0.01);
SELECT * FROM x ORDER BY a;
> a | ab | c | s2 | up | len | btw | inn | lk | amt2 | hr | tomorrow | nf | rd
> 1 | 11 | 0 | hello | HELLO | 5 | true | true | true | 24.68 | 10 | 2024-03-02 10:30:00 | NULL | 2.5
> 2 | 22 | 20 | none | NULL | NULL | true | false | NULL | NULL | 23 | 2024-03-03 23:00:00 | 2 | -1.5
> NULL | NULL | 0 | x | X | 1 | NULL | NULL | false | 0.02 | NULL | NULL | NULL | NULL
CREATE MATERIALIZED VIEW y AS SELECT s || '!' AS bang, SUBSTRING(s FROM 2 FOR 3) AS sub, TRIM(BOTH 'x' FROM s) AS tr, POSITION('l' IN s) AS pos, ABS(b - 15) AS ab, MOD(b, 3) AS m, POWER(2, 3) AS p, SQRT(16.0) AS sq, FLOOR(d) AS fl, CEIL(d) AS ce, CAST(b AS VARCHAR) AS bs, CAST('7' AS INT) + 1 AS eight FROM e WHERE b > 5;
INSERT INTO e VALUES (3, 12, 1.2, 'xlabx', NULL, NULL);
SELECT * FROM y;
> bang | sub | tr | pos | ab | m | p | sq | fl | ce | bs | eight
> xlabx! | lab | lab | 2 | 3 | 0 | 8.0 | 4.0 | 1.0 | 2.0 | 12 | 8
