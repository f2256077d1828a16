-- q5: hot items: per 10-second window sliding every 2 seconds, the auctions with the most bids.
CREATE MATERIALIZED VIEW q5 AS
SELECT ab.auction, ab.num, ab.starttime, ab.endtime
FROM (
  SELECT auction, COUNT(*) AS num, window_start AS starttime, window_end AS endtime
  FROM TABLE(HOP(TABLE bid, DESCRIPTOR(date_time), INTERVAL '2' SECOND, INTERVAL '10' SECOND))
  GROUP BY auction, window_start, window_end
) AS ab
INNER JOIN (
  SELECT MAX(cb.num) AS maxn, cb.starttime, cb.endtime
  FROM (
    SELECT auction, COUNT(*) AS num, window_start AS starttime, window_end AS endtime
    FROM TABLE(HOP(TABLE bid, DESCRIPTOR(date_time), INTERVAL '2' SECOND, INTERVAL '10' SECOND))
    GROUP BY auction, window_start, window_end
  ) AS cb
  GROUP BY cb.starttime, cb.endtime
) AS mb
ON ab.starttime = mb.starttime AND ab.endtime = mb.endtime AND ab.num >= mb.maxn
