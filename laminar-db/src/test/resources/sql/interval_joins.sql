-- Interval joins: two append-only sources with watermarks (each INSERT is one batch; a source's
-- watermark moves to its largest time minus 1 s after the batch), a key equality and time bounds
-- between the event-time columns. State is evicted as the watermarks pass; unmatched rows of an
-- outer side are padded once the other side's watermark has passed their bound; output is
-- append-only.
CREATE SOURCE clicks (uid INT, page VARCHAR, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND);
CREATE SOURCE buys (uid INT, amount INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND);
CREATE MATERIALIZED VIEW conv AS SELECT c.uid, c.page, b.amount FROM clicks c JOIN buys b ON c.uid = b.uid AND b.ts BETWEEN c.ts AND c.ts + INTERVAL '10' SECOND;
CREATE MATERIALIZED VIEW conv_left AS SELECT c.uid, c.page, b.amount FROM clicks c LEFT JOIN buys b ON c.uid = b.uid AND b.ts BETWEEN c.ts AND c.ts + INTERVAL '10' SECOND;
CREATE MATERIALIZED VIEW per_uid AS SELECT b.uid, COUNT(*) AS n, SUM(b.amount) AS total FROM clicks c RIGHT JOIN buys b ON c.uid = b.uid AND c.ts >= b.ts - INTERVAL '10' SECOND AND c.ts <= b.ts GROUP BY b.uid;
-- Windows over an INNER interval join use the left time; the join's watermark is
-- min(clicks' watermark, buys' watermark - 10 s).
CREATE MATERIALIZED VIEW conv_win AS SELECT window_start, COUNT(*) AS n, SUM(amount) AS total FROM TABLE(TUMBLE((SELECT c.ts, b.amount FROM clicks c JOIN buys b ON c.uid = b.uid AND b.ts BETWEEN c.ts AND c.ts + INTERVAL '10' SECOND), DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end EMIT ON WINDOW CLOSE;
-- Interval semi and anti joins from time-bounded subqueries: clicks followed by a buy within 10 s,
-- and clicks not followed by a buy of more than 5 within 10 s (emitted once the buys' watermark
-- rules a match out; a click without a key at once).
CREATE MATERIALIZED VIEW bought AS SELECT c.uid, c.page FROM clicks c WHERE EXISTS (SELECT 1 FROM buys b WHERE b.uid = c.uid AND b.ts BETWEEN c.ts AND c.ts + INTERVAL '10' SECOND);
CREATE MATERIALIZED VIEW abandoned AS SELECT c.uid, c.page FROM clicks c WHERE NOT EXISTS (SELECT 1 FROM buys b WHERE b.uid = c.uid AND b.amount > 5 AND b.ts BETWEEN c.ts AND c.ts + INTERVAL '10' SECOND);
EXPLAIN CREATE MATERIALIZED VIEW x AS SELECT c.uid, b.amount FROM clicks c LEFT JOIN buys b ON c.uid = b.uid AND b.ts BETWEEN c.ts - INTERVAL '0.5' SECOND AND c.ts + INTERVAL '1' MINUTE;
> plan
> Calc(project=[uid=$0, amount=$4])
>   IntervalJoin(kind=LEFT, keys=[left.uid = right.uid], bounds=right.ts - left.ts BETWEEN INTERVAL '-0.5' SECOND AND INTERVAL '60' SECOND, residual=AND(>=($5, -($2, 500:INTERVAL SECOND)), <=($5, +($2, 60000:INTERVAL MINUTE))) over (left columns, right columns), state: bounded by watermarks)
>     Scan(source=buys)
>     Scan(source=clicks)
> output: append-only
-- Clicks at 0 s, 1 s and one without a key (padded at once); the clicks' watermark becomes 1 s.
INSERT INTO clicks VALUES (1, 'home', TIMESTAMP '2024-01-01 00:00:00'), (2, 'shop', TIMESTAMP '2024-01-01 00:00:01'), (NULL, 'anon', TIMESTAMP '2024-01-01 00:00:02');
SELECT * FROM conv_left ORDER BY uid, page;
> uid | page | amount
> NULL | anon | NULL
-- Buys at 5 s and 20 s: the buys' watermark becomes 19 s, past both clicks' bounds (10 s, 11 s):
-- click 1 matched, click 2 is padded; the buy at 20 s matches nothing yet.
INSERT INTO buys VALUES (1, 50, TIMESTAMP '2024-01-01 00:00:05'), (1, 7, TIMESTAMP '2024-01-01 00:00:20');
SELECT * FROM conv ORDER BY uid;
> uid | page | amount
> 1 | home | 50
SELECT * FROM conv_left ORDER BY uid, page;
> uid | page | amount
> 1 | home | 50
> 2 | shop | NULL
> NULL | anon | NULL
SELECT * FROM bought ORDER BY uid, page;
> uid | page
> 1 | home
SELECT * FROM abandoned ORDER BY uid, page;
> uid | page
> 2 | shop
> NULL | anon
-- A click at 1 s is at the clicks' watermark: late, dropped. The click at 15 s joins the buy at
-- 20 s; the click at 16 s has no buy yet and stays unpadded while the buys' watermark is 19 s.
INSERT INTO clicks VALUES (1, 'late', TIMESTAMP '2024-01-01 00:00:01'), (1, 'cart', TIMESTAMP '2024-01-01 00:00:15'), (4, 'faq', TIMESTAMP '2024-01-01 00:00:16');
SELECT * FROM conv_left ORDER BY uid, page;
> uid | page | amount
> 1 | cart | 7
> 1 | home | 50
> 2 | shop | NULL
> NULL | anon | NULL
-- A buy a day later moves the buys' watermark past 26 s: the click at 16 s is padded.
INSERT INTO buys VALUES (3, 1, TIMESTAMP '2024-01-02 00:00:00');
SELECT * FROM conv_left ORDER BY uid, page;
> uid | page | amount
> 1 | cart | 7
> 1 | home | 50
> 2 | shop | NULL
> 4 | faq | NULL
> NULL | anon | NULL
SELECT * FROM conv ORDER BY uid, page;
> uid | page | amount
> 1 | cart | 7
> 1 | home | 50
SELECT * FROM bought ORDER BY uid, page;
> uid | page
> 1 | cart
> 1 | home
SELECT * FROM abandoned ORDER BY uid, page;
> uid | page
> 2 | shop
> 4 | faq
> NULL | anon
-- The join's watermark is now the clicks' (15 s): window [0, 10) closed, [10, 20) open.
SELECT * FROM conv_win ORDER BY window_start;
> window_start | n | total
> 2024-01-01 00:00:00 | 1 | 50
-- A click a day later moves the clicks' watermark: the buys at 5 s (matched) and 20 s
-- (matched) leave the state; the buy of uid 3 is padded in the right join once it expires.
INSERT INTO clicks VALUES (9, 'x', TIMESTAMP '2024-01-03 00:00:00');
SELECT * FROM per_uid ORDER BY uid;
> uid | n | total
> 1 | 2 | 57
> 3 | 1 | 1
SELECT * FROM conv_win ORDER BY window_start;
> window_start | n | total
> 2024-01-01 00:00:00 | 1 | 50
> 2024-01-01 00:00:10 | 1 | 7
