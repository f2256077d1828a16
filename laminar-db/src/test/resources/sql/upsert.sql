-- A source with a PRIMARY KEY is an upsert source: a row replaces the row with the same key,
-- and the source's output is a changelog (-U old row, +U new row).
CREATE SOURCE prices (symbol VARCHAR, price DOUBLE, PRIMARY KEY (symbol));
CREATE MATERIALIZED VIEW latest AS SELECT * FROM prices;
CREATE MATERIALIZED VIEW stats AS SELECT COUNT(*) AS n, SUM(price) AS total, MAX(price) AS top FROM prices;
INSERT INTO prices VALUES ('A', 1.0), ('B', 2.0), ('A', 3.0);
SELECT * FROM latest ORDER BY symbol;
> symbol | price
> A | 3.0
> B | 2.0
SELECT * FROM stats;
> n | total | top
> 2 | 5.0 | 3.0
INSERT INTO prices VALUES ('A', 0.5);
SELECT * FROM stats;
> n | total | top
> 2 | 2.5 | 2.0
-- Key columns are NOT NULL.
INSERT INTO prices VALUES (NULL, 1.0);
! 23502
DESCRIBE prices;
> column_name | type | nullable
> symbol | VARCHAR | false
> price | DOUBLE | true
-- A view created later starts from the latest row of every key.
CREATE MATERIALIZED VIEW expensive AS SELECT symbol FROM prices WHERE price > 1;
SELECT * FROM expensive;
> symbol
> B
INSERT INTO prices VALUES ('B', 0.1), ('C', 9.0);
SELECT * FROM expensive;
> symbol
> C
CREATE SOURCE keyed2 (a INT, b INT, PRIMARY KEY (a, a));
! 42701
