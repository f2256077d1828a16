-- Regular (unbounded) equi-joins: the view equals the batch join of what both inputs hold.
CREATE SOURCE orders (id INT, cust INT, amount INT);
CREATE SOURCE customers (cust INT, name VARCHAR);
CREATE MATERIALIZED VIEW inner_j AS SELECT o.id, c.name, o.amount FROM orders o JOIN customers c ON o.cust = c.cust;
CREATE MATERIALIZED VIEW left_j AS SELECT o.id, o.cust, c.name FROM orders o LEFT JOIN customers c ON o.cust = c.cust;
CREATE MATERIALIZED VIEW full_j AS SELECT o.id, c.name FROM orders o FULL OUTER JOIN customers c USING (cust);
CREATE MATERIALIZED VIEW where_j AS SELECT o.id, c.name FROM orders o, customers c WHERE o.cust = c.cust AND o.amount > 10;
-- Joins over an aggregate (its updates retract joined rows), a GROUP BY over a join, a self-join.
CREATE MATERIALIZED VIEW spend AS SELECT cust, SUM(amount) AS total FROM orders GROUP BY cust;
CREATE MATERIALIZED VIEW named_spend AS SELECT c.name, s.total FROM spend s RIGHT JOIN customers c ON s.cust = c.cust AND s.total > 25;
CREATE MATERIALIZED VIEW per_name AS SELECT c.name, COUNT(*) AS n, SUM(o.amount) AS s FROM orders o JOIN customers c ON o.cust = c.cust GROUP BY c.name;
CREATE MATERIALIZED VIEW pairs AS SELECT a.id AS x, b.id AS y FROM orders a JOIN orders b ON a.cust = b.cust AND a.id < b.id;
INSERT INTO orders VALUES (1, 10, 5), (2, 10, 20), (3, 20, 30), (4, NULL, 40), (2, 10, 20);
INSERT INTO customers VALUES (10, 'ann'), (30, 'cid'), (NULL, 'nobody');
SELECT * FROM inner_j ORDER BY id;
> id | name | amount
> 1 | ann | 5
> 2 | ann | 20
> 2 | ann | 20
-- Order 3 has no customer yet: padded with NULLs; NULL keys never match.
SELECT * FROM left_j ORDER BY id;
> id | cust | name
> 1 | 10 | ann
> 2 | 10 | ann
> 2 | 10 | ann
> 3 | 20 | NULL
> 4 | NULL | NULL
-- A late-arriving customer retracts the NULL-padded row.
INSERT INTO customers VALUES (20, 'bob');
SELECT * FROM left_j ORDER BY id;
> id | cust | name
> 1 | 10 | ann
> 2 | 10 | ann
> 2 | 10 | ann
> 3 | 20 | bob
> 4 | NULL | NULL
SELECT * FROM full_j ORDER BY id, name;
> id | name
> 1 | ann
> 2 | ann
> 2 | ann
> 3 | bob
> 4 | NULL
> NULL | cid
> NULL | nobody
SELECT * FROM where_j ORDER BY id;
> id | name
> 2 | ann
> 2 | ann
> 3 | bob
SELECT * FROM named_spend ORDER BY name;
> name | total
> ann | 45
> bob | 30
> cid | NULL
> nobody | NULL
INSERT INTO orders VALUES (5, 30, 100), (6, 20, -10);
-- cid's total appears; bob's falls to 20, below the condition, and is padded again.
SELECT * FROM named_spend ORDER BY name;
> name | total
> ann | 45
> bob | NULL
> cid | 100
> nobody | NULL
SELECT * FROM per_name ORDER BY name;
> name | n | s
> ann | 3 | 45
> bob | 2 | 20
> cid | 1 | 100
SELECT * FROM pairs ORDER BY x, y;
> x | y
> 1 | 2
> 1 | 2
> 3 | 6
-- Dropping a join, then an input of joins.
DROP MATERIALIZED VIEW pairs;
INSERT INTO orders VALUES (7, 10, 1);
SELECT COUNT(*) AS n FROM inner_j;
> n
> 7
DROP SOURCE customers;
! 2BP01
EXPLAIN CREATE MATERIALIZED VIEW x AS SELECT o.id, c.name FROM orders o LEFT JOIN customers c ON o.cust = c.cust AND o.amount > c.cust;
> plan
>     Scan(source=customers)
>     Scan(source=orders)
>   Join(kind=LEFT, keys=[left.cust = right.cust], residual=>($2, $3) over (left columns, right columns), state: unbounded)
> Calc(project=[id=$0, name=$4])
> output: changelog (+I/-U/+U/-D)
-- An inner join of append-only inputs is append-only.
EXPLAIN CREATE STREAM x AS SELECT o.id, c.name FROM orders o JOIN customers c ON o.cust + 1 = c.cust;
> plan
> Calc(project=[id=$0, name=$5])
>   Join(kind=INNER, keys=[left.$f3 = right.cust], state: unbounded)
>     Calc(project=[id=$0, cust=$1, amount=$2, $f3=+($1, 1)])
>       Scan(source=orders)
>     Scan(source=customers)
> output: append-only
-- Rejected: no equality, ASOF and temporal joins, windows over a join.
CREATE MATERIALIZED VIEW bad AS SELECT * FROM orders CROSS JOIN customers;
! 0A000
CREATE MATERIALIZED VIEW bad AS SELECT * FROM orders o JOIN customers c ON o.cust < c.cust;
! 0A000
CREATE SOURCE clicks (cust INT, ts TIMESTAMP, WATERMARK FOR ts);
CREATE MATERIALIZED VIEW bad AS SELECT c.name, COUNT(*) AS n FROM clicks k JOIN customers c ON k.cust = c.cust GROUP BY c.name, tumble(k.ts, INTERVAL '1' MINUTE);
! 0A000
CREATE MATERIALIZED VIEW bad AS SELECT * FROM clicks k JOIN customers FOR SYSTEM_TIME AS OF k.ts AS c ON k.cust = c.cust;
! 0A000
CREATE MATERIALIZED VIEW bad AS SELECT * FROM clicks k ASOF JOIN orders o MATCH_CONDITION k.cust >= o.cust ON k.cust = o.id;
! 0A000
DROP SOURCE customers CASCADE;
SELECT * FROM spend ORDER BY cust;
> cust | total
> 10 | 46
> 20 | 20
> 30 | 100
> NULL | 40
