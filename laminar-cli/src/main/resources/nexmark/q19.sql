-- q19: the 10 highest bids of each auction (ties on price: the earlier bid first).
CREATE MATERIALIZED VIEW q19 AS
SELECT auction, bidder, price, channel, url, date_time, extra, rank_number
FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price DESC, date_time ASC)
      AS rank_number
  FROM bid
) AS t
WHERE rank_number <= 10
