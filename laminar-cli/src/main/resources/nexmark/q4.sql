-- q4: average closing price per category: the highest bid of each auction within its lifetime, averaged by category.
CREATE MATERIALIZED VIEW q4 AS
SELECT q.category, AVG(q.final) AS avg_final
FROM (
  SELECT a.id, a.category, MAX(b.price) AS final
  FROM auction AS a INNER JOIN bid AS b ON a.id = b.auction
  WHERE b.date_time BETWEEN a.date_time AND a.expires
  GROUP BY a.id, a.category
) AS q
GROUP BY q.category
