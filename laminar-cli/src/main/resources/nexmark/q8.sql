-- q8: monitor new users: persons who registered and opened an auction in the same 10-second
-- window. Final windows (EMIT ON WINDOW CLOSE) joined on their window end: a window join, whose
-- state the watermarks free.
CREATE MATERIALIZED VIEW q8 AS
SELECT p.id, p.name, p.starttime
FROM (
  SELECT id, name, window_start AS starttime, window_end AS endtime
  FROM TABLE(TUMBLE(TABLE person, DESCRIPTOR(date_time), INTERVAL '10' SECOND))
  GROUP BY id, name, window_start, window_end
) AS p
INNER JOIN (
  SELECT seller, window_start AS starttime, window_end AS endtime
  FROM TABLE(TUMBLE(TABLE auction, DESCRIPTOR(date_time), INTERVAL '10' SECOND))
  GROUP BY seller, window_start, window_end
) AS a
ON p.id = a.seller AND p.starttime = a.starttime AND p.endtime = a.endtime
EMIT ON WINDOW CLOSE
