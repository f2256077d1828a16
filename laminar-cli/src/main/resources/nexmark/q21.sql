-- q21: channel id: a code for the four known channels, else the channel_id parameter of the URL (REGEXP_EXTRACT(url, '(&|^)channel_id=([^&]*)', 2) written with POSITION and SUBSTRING).
CREATE MATERIALIZED VIEW q21 AS
SELECT auction, bidder, price, channel,
    CASE
      WHEN LOWER(channel) = 'apple' THEN '0'
      WHEN LOWER(channel) = 'google' THEN '1'
      WHEN LOWER(channel) = 'facebook' THEN '2'
      WHEN LOWER(channel) = 'baidu' THEN '3'
      WHEN POSITION('&' IN id_rest) > 0 THEN SUBSTRING(id_rest FROM 1 FOR POSITION('&' IN id_rest) - 1)
      ELSE id_rest
    END AS channel_id
FROM (
  SELECT auction, bidder, price, channel,
      CASE
        WHEN url LIKE 'channel\_id=%' ESCAPE '\' THEN SUBSTRING(url FROM 12)
        WHEN POSITION('&channel_id=' IN url) > 0
          THEN SUBSTRING(url FROM POSITION('&channel_id=' IN url) + 12)
      END AS id_rest
  FROM bid
) AS t
WHERE id_rest IS NOT NULL OR LOWER(channel) IN ('apple', 'google', 'facebook', 'baidu')
