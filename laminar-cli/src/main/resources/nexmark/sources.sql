-- Nexmark sources: person, auction and bid over one generated event stream.
-- Placeholders: ${events} (events of the whole stream), ${seed}, ${rate} (events per second
-- of event time) and ${delay} (wall-clock wait before the first event, e.g. '1 s').
CREATE SOURCE person (id BIGINT, name VARCHAR, email_address VARCHAR, credit_card VARCHAR,
    city VARCHAR, state VARCHAR, date_time TIMESTAMP, extra VARCHAR,
    WATERMARK FOR date_time AS date_time - INTERVAL '4' SECOND)
FROM NEXMARK ('table' = 'person', 'events.total' = '${events}', 'seed' = '${seed}',
    'events.per.second' = '${rate}', 'start.delay' = '${delay}');
CREATE SOURCE auction (id BIGINT, item_name VARCHAR, description VARCHAR, initial_bid BIGINT,
    reserve BIGINT, date_time TIMESTAMP, expires TIMESTAMP, seller BIGINT, category BIGINT,
    extra VARCHAR,
    WATERMARK FOR date_time AS date_time - INTERVAL '4' SECOND)
FROM NEXMARK ('table' = 'auction', 'events.total' = '${events}', 'seed' = '${seed}',
    'events.per.second' = '${rate}', 'start.delay' = '${delay}');
CREATE SOURCE bid (auction BIGINT, bidder BIGINT, price BIGINT, channel VARCHAR, url VARCHAR,
    date_time TIMESTAMP, extra VARCHAR,
    WATERMARK FOR date_time AS date_time - INTERVAL '4' SECOND)
FROM NEXMARK ('table' = 'bid', 'events.total' = '${events}', 'seed' = '${seed}',
    'events.per.second' = '${rate}', 'start.delay' = '${delay}');
