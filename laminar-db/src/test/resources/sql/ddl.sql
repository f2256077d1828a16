-- Catalog statements.
CREATE SOURCE src (a INT NOT NULL, b VARCHAR);
CREATE SOURCE src (x INT);
! 42P07
CREATE SOURCE IF NOT EXISTS src (x INT);
CREATE STREAM st AS SELECT a, b FROM src WHERE a > 0;
CREATE MATERIALIZED VIEW mv AS SELECT b, COUNT(*) AS n FROM st GROUP BY b;
CREATE MATERIALIZED VIEW st (x INT);
! 42601
SHOW SOURCES;
> name | connector | watermark_clause | watermark | status
> src | NULL | NULL | NULL | RUNNING
SHOW STREAMS;
> name | inputs | output | watermark | late_rows | status
> st | src | append-only | NULL | 0 | RUNNING
SHOW MATERIALIZED VIEWS;
> name | inputs | output | watermark | late_rows | status
> mv | st | changelog | NULL | 0 | RUNNING
DESCRIBE src;
> column_name | type | nullable
> a | INTEGER | false
> b | VARCHAR | true
DESCRIBE mv;
> column_name | type | nullable
> b | VARCHAR | true
> n | BIGINT | false
SHOW CREATE STREAM st;
> name | statement
> st | CREATE STREAM st AS SELECT a, b FROM src WHERE a > 0
DROP SOURCE src;
! 2BP01
DROP STREAM mv;
! 42809
DROP MATERIALIZED VIEW mv;
SHOW MATERIALIZED VIEWS;
> name | inputs | output | watermark | late_rows | status
DROP SOURCE src CASCADE;
SHOW STREAMS;
> name | inputs | output | watermark | late_rows | status
DROP SOURCE IF EXISTS src;
DROP SOURCE src;
! 42P01
-- Names are case-insensitive and keep the case they were declared with.
CREATE SOURCE MixedCase (Amount INT);
CREATE MATERIALIZED VIEW mc AS SELECT amount FROM mixedcase;
INSERT INTO MIXEDCASE VALUES (7);
SELECT * FROM MC;
> Amount
> 7
CHECKPOINT;
