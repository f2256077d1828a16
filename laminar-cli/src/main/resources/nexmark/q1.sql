-- q1: currency conversion: bid prices from dollars to euros (0.908).
CREATE MATERIALIZED VIEW q1 AS
SELECT auction, bidder, 0.908 * price AS price, date_time, extra FROM bid
