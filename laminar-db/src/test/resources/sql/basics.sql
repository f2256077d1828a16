-- Filter and projection over a source, read through materialized views.
CREATE SOURCE trades (id BIGINT NOT NULL, symbol VARCHAR, price DOUBLE, qty INT);
CREATE MATERIALIZED VIEW big AS SELECT id, symbol, price * qty AS notional FROM trades WHERE qty >= 10;
INSERT INTO trades VALUES (1, 'AAPL', 10.5, 10), (2, 'MSFT', 20.0, 5), (3, 'AAPL', 11.0, 20);
SELECT * FROM big ORDER BY id;
> id | symbol | notional
> 1 | AAPL | 105.0
> 3 | AAPL | 220.0
INSERT INTO trades (id, symbol) VALUES (4, 'GOOG');
SELECT id, symbol FROM big WHERE symbol = 'AAPL' ORDER BY id DESC LIMIT 1;
> id | symbol
> 3 | AAPL
-- A view over a view starts from the contents of the view it reads.
CREATE MATERIALIZED VIEW big_aapl AS SELECT id, notional FROM big WHERE symbol = 'AAPL';
SELECT * FROM big_aapl;
> id | notional
> 1 | 105.0
> 3 | 220.0
INSERT INTO trades VALUES (5, 'AAPL', 1.0, 100);
SELECT COUNT(*) AS n, SUM(notional) AS total FROM big_aapl;
> n | total
> 3 | 425.0
-- UNION ALL of two streams.
CREATE STREAM aapl AS SELECT id, price FROM trades WHERE symbol = 'AAPL';
CREATE STREAM msft AS SELECT id, price FROM trades WHERE symbol = 'MSFT';
CREATE MATERIALIZED VIEW both_ AS SELECT id, price FROM aapl UNION ALL SELECT id, price FROM msft;
INSERT INTO trades VALUES (6, 'AAPL', 1.5, 1), (7, 'MSFT', 2.5, 2), (8, 'IBM', 3.5, 3);
SELECT * FROM both_ ORDER BY id;
> id | price
> 6 | 1.5
> 7 | 2.5
-- A stream does not store rows: a view created later sees only later rows.
CREATE MATERIALIZED VIEW later AS SELECT id FROM aapl;
INSERT INTO trades VALUES (9, 'AAPL', 1.0, 1);
SELECT * FROM later;
> id
> 9
-- Joins between views work in ad-hoc queries.
SELECT b.id, l.id AS later_id FROM big_aapl b JOIN later l ON b.id + 4 = l.id;
> id | later_id
> 5 | 9
