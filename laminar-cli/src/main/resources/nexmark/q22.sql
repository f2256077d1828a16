-- q22: URL directories: the 4th, 5th and 6th '/'-separated parts of the URL (SPLIT_INDEX(url, '/', 3 to 5) written with POSITION and SUBSTRING; NULL when the URL has fewer parts).
CREATE MATERIALIZED VIEW q22 AS
SELECT auction, bidder, price, channel,
    CASE WHEN POSITION('/' IN r3) > 0 THEN SUBSTRING(r3 FROM 1 FOR POSITION('/' IN r3) - 1) ELSE r3 END AS dir1,
    CASE WHEN POSITION('/' IN r4) > 0 THEN SUBSTRING(r4 FROM 1 FOR POSITION('/' IN r4) - 1) ELSE r4 END AS dir2,
    CASE WHEN POSITION('/' IN r5) > 0 THEN SUBSTRING(r5 FROM 1 FOR POSITION('/' IN r5) - 1) ELSE r5 END AS dir3
FROM (
  SELECT auction, bidder, price, channel, r3, r4,
      CASE WHEN POSITION('/' IN r4) > 0 THEN SUBSTRING(r4 FROM POSITION('/' IN r4) + 1) END AS r5
  FROM (
    SELECT auction, bidder, price, channel, r3,
        CASE WHEN POSITION('/' IN r3) > 0 THEN SUBSTRING(r3 FROM POSITION('/' IN r3) + 1) END AS r4
    FROM (
      SELECT auction, bidder, price, channel,
          CASE WHEN POSITION('/' IN r2) > 0 THEN SUBSTRING(r2 FROM POSITION('/' IN r2) + 1) END AS r3
      FROM (
        SELECT auction, bidder, price, channel,
            CASE WHEN POSITION('/' IN r1) > 0 THEN SUBSTRING(r1 FROM POSITION('/' IN r1) + 1) END AS r2
        FROM (
          SELECT auction, bidder, price, channel,
              CASE WHEN POSITION('/' IN url) > 0 THEN SUBSTRING(url FROM POSITION('/' IN url) + 1) END AS r1
          FROM bid
        ) AS s1
      ) AS s2
    ) AS s3
  ) AS s4
) AS s5
