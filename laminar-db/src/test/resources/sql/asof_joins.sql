-- ASOF joins: each trade joins the latest quote of its symbol at or before its time (backward),
-- once the quotes' watermark has reached the trade's time; LEFT ASOF keeps trades without a
-- quote. The quotes' watermark is their largest time (no delay); each INSERT is one batch.
CREATE SOURCE trades (sym VARCHAR, qty INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND);
CREATE SOURCE quotes (sym VARCHAR, bid DOUBLE, ts TIMESTAMP, WATERMARK FOR ts AS ts);
CREATE MATERIALIZED VIEW priced AS SELECT t.sym, t.qty, q.bid FROM trades t LEFT ASOF JOIN quotes q MATCH_CONDITION(t.ts >= q.ts) ON t.sym = q.sym;
CREATE MATERIALIZED VIEW recent AS SELECT t.sym, t.qty, q.bid FROM trades t ASOF JOIN quotes q ON t.sym = q.sym AND t.ts >= q.ts AND t.ts - q.ts <= INTERVAL '2' SECOND;
CREATE MATERIALIZED VIEW next_quote AS SELECT t.sym, t.qty, q.bid FROM trades t ASOF JOIN quotes q MATCH_CONDITION(t.ts < q.ts) ON t.sym = q.sym;
EXPLAIN CREATE MATERIALIZED VIEW x AS SELECT t.sym, q.bid FROM trades t LEFT ASOF JOIN quotes q ON t.sym = q.sym AND t.ts >= q.ts;
> plan
> Calc(project=[sym=$0, bid=$4])
>   AsofJoin(kind=LEFT, keys=[left.sym = right.sym], match=left.ts >= right.ts, state: bounded by watermarks plus the last right row per key)
>     Scan(source=quotes)
>     Scan(source=trades)
> output: append-only
-- Quotes at 1 s and 3 s for A, 2 s for B; the quotes' watermark is 3 s.
INSERT INTO quotes VALUES ('A', 10.0, TIMESTAMP '2024-01-01 00:00:01'), ('A', 11.0, TIMESTAMP '2024-01-01 00:00:03'), ('B', 20.0, TIMESTAMP '2024-01-01 00:00:02');
-- Trades at 2 s (A), 3 s (B), 5 s (A) and 2 s (C): the trade at 5 s waits for the quotes; C
-- has no quote (padded by LEFT ASOF); the next quote after B's trade is still unknown.
INSERT INTO trades VALUES ('A', 1, TIMESTAMP '2024-01-01 00:00:02'), ('B', 2, TIMESTAMP '2024-01-01 00:00:03'), ('A', 3, TIMESTAMP '2024-01-01 00:00:05'), ('C', 4, TIMESTAMP '2024-01-01 00:00:02');
SELECT * FROM priced ORDER BY qty;
> sym | qty | bid
> A | 1 | 10.0
> B | 2 | 20.0
> C | 4 | NULL
SELECT * FROM next_quote ORDER BY qty;
> sym | qty | bid
> A | 1 | 11.0
-- A quote for A at 6 s moves the quotes' watermark to 6 s: every trade is final now.
INSERT INTO quotes VALUES ('A', 12.0, TIMESTAMP '2024-01-01 00:00:06');
SELECT * FROM priced ORDER BY qty;
> sym | qty | bid
> A | 1 | 10.0
> B | 2 | 20.0
> A | 3 | 11.0
> C | 4 | NULL
SELECT * FROM recent ORDER BY qty;
> sym | qty | bid
> A | 1 | 10.0
> B | 2 | 20.0
> A | 3 | 11.0
SELECT * FROM next_quote ORDER BY qty;
> sym | qty | bid
> A | 1 | 11.0
> A | 3 | 12.0
