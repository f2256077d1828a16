-- q0: passthrough: every bid, unchanged (measures the cost of reading the source).
CREATE MATERIALIZED VIEW q0 AS
SELECT auction, bidder, price, date_time, extra FROM bid
