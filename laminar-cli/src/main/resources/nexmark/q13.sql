-- q13: bounded side input join: each bid with the label of its auction modulo 10 000 in a side
-- table, as current when the bid is processed. The harness puts the side table's 10 000 rows
-- (label 'side-<id>') in place of the placeholder below, before the first event.
CREATE TABLE side_input (id BIGINT, label VARCHAR, PRIMARY KEY (id));
INSERT INTO side_input VALUES ${side_input};
CREATE MATERIALIZED VIEW q13 AS
SELECT b.auction, b.bidder, b.price, b.date_time, s.label
FROM bid AS b
JOIN side_input FOR SYSTEM_TIME AS OF PROCTIME() AS s ON MOD(b.auction, 10000) = s.id
