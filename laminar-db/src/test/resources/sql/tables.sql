-- A table is keyed, stored and queryable: INSERT and UPSERT replace the row with the same key,
-- UPDATE and DELETE change rows found by their WHERE clause, and continuous queries over it see
-- the changes as a changelog.
CREATE TABLE accounts (id BIGINT, owner VARCHAR, balance DOUBLE, PRIMARY KEY (id));
CREATE MATERIALIZED VIEW totals AS SELECT COUNT(*) AS n, SUM(balance) AS total FROM accounts;
INSERT INTO accounts VALUES (1, 'ann', 10.0), (2, 'bob', 20.0), (3, 'cy', 30.0);
SELECT * FROM accounts ORDER BY id;
> id | owner | balance
> 1 | ann | 10.0
> 2 | bob | 20.0
> 3 | cy | 30.0
UPSERT INTO accounts VALUES (2, 'bob', 25.0);
SELECT * FROM totals;
> n | total
> 3 | 65.0
-- INSERT of an existing key replaces the row too (upsert semantics, as RisingWave's default).
INSERT INTO accounts VALUES (3, 'cy', 35.0);
SELECT balance FROM accounts WHERE id = 3;
> balance
> 35.0
UPDATE accounts SET balance = balance + 1 WHERE owner <> 'ann';
SELECT * FROM accounts ORDER BY id;
> id | owner | balance
> 1 | ann | 10.0
> 2 | bob | 26.0
> 3 | cy | 36.0
SELECT * FROM totals;
> n | total
> 3 | 72.0
-- Changing the key moves the row.
UPDATE accounts SET id = 4, owner = UPPER(owner) WHERE id = 1;
SELECT * FROM accounts ORDER BY id;
> id | owner | balance
> 2 | bob | 26.0
> 3 | cy | 36.0
> 4 | ANN | 10.0
DELETE FROM accounts WHERE balance > 30;
SELECT * FROM accounts ORDER BY id;
> id | owner | balance
> 2 | bob | 26.0
> 4 | ANN | 10.0
SELECT * FROM totals;
> n | total
> 2 | 36.0
-- Nothing matches: nothing changes.
UPDATE accounts SET balance = 0 WHERE id = 99;
DELETE FROM accounts WHERE id = 99;
SELECT COUNT(*) AS n FROM accounts;
> n
> 2
DESCRIBE accounts;
> column_name | type | nullable
> id | BIGINT | false
> owner | VARCHAR | true
> balance | DOUBLE | true
SHOW TABLES;
> name | connector | watermark_clause | watermark | status
> accounts | NULL | NULL | NULL | RUNNING
-- A view over a table starts from its current contents.
CREATE MATERIALIZED VIEW rich AS SELECT owner FROM accounts WHERE balance > 20;
SELECT * FROM rich;
> owner
> bob
DELETE FROM accounts;
SELECT * FROM rich;
> owner
SELECT * FROM totals;
> n | total
> 0 | NULL
-- What is rejected.
CREATE TABLE nokey (a INT);
! 0A000
CREATE TABLE gen (a BIGINT, PRIMARY KEY (a)) FROM DATAGEN ('rows.total' = '1');
! 0A000
CREATE SOURCE events (a INT);
UPDATE events SET a = 1;
! 42809
DELETE FROM events;
! 42809
UPSERT INTO events VALUES (1);
! 0A000
UPDATE accounts SET nope = 1;
! 42703
DROP TABLE accounts;
! 2BP01
DROP TABLE accounts CASCADE;
SHOW TABLES;
> name | connector | watermark_clause | watermark | status
-- A table joins like any changelog: the view follows updates and deletes on either side.
CREATE TABLE owners (id BIGINT, name VARCHAR, PRIMARY KEY (id));
CREATE TABLE cars (plate VARCHAR, owner_id BIGINT, PRIMARY KEY (plate));
CREATE MATERIALIZED VIEW who_drives AS SELECT c.plate, o.name FROM cars c JOIN owners o ON c.owner_id = o.id;
INSERT INTO owners VALUES (1, 'ann'), (2, 'bob');
INSERT INTO cars VALUES ('X-1', 1), ('Y-2', 2), ('Z-3', 3);
SELECT * FROM who_drives ORDER BY plate;
> plate | name
> X-1 | ann
> Y-2 | bob
UPDATE owners SET name = 'Bob' WHERE id = 2;
DELETE FROM cars WHERE plate = 'X-1';
INSERT INTO owners VALUES (3, 'cy');
SELECT * FROM who_drives ORDER BY plate;
> plate | name
> Y-2 | Bob
> Z-3 | cy
