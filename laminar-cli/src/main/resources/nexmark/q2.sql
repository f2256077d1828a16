-- q2: selection: the bids on a few auctions (ids divisible by 123).
CREATE MATERIALIZED VIEW q2 AS
SELECT auction, price FROM bid WHERE MOD(auction, 123) = 0
