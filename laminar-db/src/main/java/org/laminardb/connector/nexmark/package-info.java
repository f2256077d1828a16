/**
 * The built-in {@code NEXMARK} source connector: the event stream of the Nexmark benchmark (an
 * online auction site: people register, open auctions and bid), modelled on the generators of
 * the public Nexmark suites (Apache Beam, Flink) and written for LaminarDB.
 *
 * <pre>{@code
 * CREATE SOURCE bid (auction BIGINT, bidder BIGINT, price BIGINT, channel VARCHAR, url VARCHAR,
 *     date_time TIMESTAMP, extra VARCHAR,
 *     WATERMARK FOR date_time AS date_time - INTERVAL '4' SECOND)
 * FROM NEXMARK ('table' = 'bid', 'events.total' = '10000000')
 * }</pre>
 *
 * <h2>Tables and columns</h2>
 *
 * <p>One source per table; the {@code table} option picks it:
 *
 * <ul>
 *   <li>{@code person}: {@code id BIGINT, name VARCHAR, email_address VARCHAR, credit_card
 *       VARCHAR, city VARCHAR, state VARCHAR, date_time TIMESTAMP, extra VARCHAR};
 *   <li>{@code auction}: {@code id BIGINT, item_name VARCHAR, description VARCHAR, initial_bid
 *       BIGINT, reserve BIGINT, date_time TIMESTAMP, expires TIMESTAMP, seller BIGINT, category
 *       BIGINT, extra VARCHAR};
 *   <li>{@code bid}: {@code auction BIGINT, bidder BIGINT, price BIGINT, channel VARCHAR, url
 *       VARCHAR, date_time TIMESTAMP, extra VARCHAR}.
 * </ul>
 *
 * <p>A source declares any of its table's columns, in any order (names compared ignoring case),
 * with exactly these types. A column the table does not have fails with {@code 42703}, one of
 * another type with {@code 42804}; both name the column and the table's columns or the expected
 * type. Columns left out are not built (their random draws still happen, so the other columns'
 * values do not depend on which columns are declared).
 *
 * <h2>The model</h2>
 *
 * <ul>
 *   <li>One stream of events numbered from 0. Event {@code n} is, by {@code n mod 50}, a person
 *       (offset 0), an auction (offsets 1 to 3) or a bid (offsets 4 to 49): 2%, 6% and 92%. Each
 *       source generates only its table's events of this stream, so sources with the same
 *       options (seed, rate, base time, events, proportions) see one consistent world; the first
 *       10 000 events are 200 persons, 600 auctions and 9 200 bids.
 *   <li>Persons and auctions are numbered from 1000 in event order. An auction's seller is, 3
 *       times in 4 ({@code hot.seller.ratio} 4), the first person of the latest batch of 100
 *       persons, else a random one of the last {@code active.people}. A bid's auction is, 1 time
 *       in 2 ({@code hot.auction.ratio}), the first auction of the latest batch of 100, else a
 *       random one of the last {@code in.flight.auctions}; its bidder is, 3 times in 4 ({@code
 *       hot.bidder.ratio}), the second person of the latest batch of 100 (the first while the
 *       second does not exist yet), else a random one of the last {@code active.people}. Every
 *       reference is to a person or auction generated at or before the referring event.
 *   <li>Event time: {@code date_time = base.time + n / events.per.second} (microseconds, rounded
 *       down). An auction {@code expires} after a random time of 1 us to twice the time the next
 *       {@code in.flight.auctions} auctions take to generate (on average 166.6 ms at the default
 *       rate).
 *   <li>Values: prices, {@code initial_bid} and {@code reserve} (initial bid plus a price) in
 *       cents, log-uniform from 100 to 100 000 000; {@code category} 10 to 14; names from 11
 *       first and 9 last names; cities and states of the US west; e-mail addresses and item
 *       names, descriptions of random letters; credit cards as four groups of four digits;
 *       channels {@code Google}, {@code Facebook}, {@code Baidu}, {@code Apple} (half the bids)
 *       or one of 10 000 {@code channel-<k>}, each with its URL; {@code extra} random letters
 *       that pad an event to about its average size (200, 500, 100 bytes, counting 8 per
 *       number).
 *   <li>Every random value of an event comes from a generator seeded by {@code seed} and the
 *       event number: the same options give the same events; ids and times do not depend on the
 *       seed.
 * </ul>
 *
 * <h2>Options</h2>
 *
 * <ul>
 *   <li>{@code table}: {@code person}, {@code auction} or {@code bid} (required);
 *   <li>{@code seed}: seed of the random values (default 0);
 *   <li>{@code events.total}: events of the whole stream, of all tables (default unbounded); a
 *       source ends after the last event of its table among them;
 *   <li>{@code events.per.second}: rate of the stream in event time, i.e. the inter-event delay
 *       is one second divided by it (default 10 000);
 *   <li>{@code rate.limit}: {@code true} emits each event at its real-time offset from the start
 *       (the rate is then also the wall-clock rate); {@code false} (default) generates as fast as
 *       possible, event time still advancing by the delay;
 *   <li>{@code base.time}: the first event's {@code date_time}, an ISO timestamp in UTC (default
 *       {@code 2026-01-01T00:00:00}, so results are reproducible);
 *   <li>{@code start.delay}: wall-clock wait before the first event, e.g. {@code '2 s'} or
 *       {@code '500 ms'} (default 0; at most one hour), so that views created right after the
 *       source see the whole stream;
 *   <li>{@code person.proportion}, {@code auction.proportion}, {@code bid.proportion}: the mix
 *       (default 1, 3, 46; each 1 to 1000);
 *   <li>{@code hot.auction.ratio}, {@code hot.seller.ratio}, {@code hot.bidder.ratio}: one in
 *       this many references is random rather than hot (default 2, 4, 4; 1 means never hot);
 *   <li>{@code active.people}: how many recent persons random sellers and bidders are drawn
 *       from (default 1000);
 *   <li>{@code in.flight.auctions}: how many recent auctions random bids go to, also setting
 *       auction lengths (default 100);
 *   <li>{@code avg.person.size}, {@code avg.auction.size}, {@code avg.bid.size}: average event
 *       sizes in bytes that {@code extra} pads to (default 200, 500, 100).
 * </ul>
 *
 * <p>Unknown options and bad values fail with {@code 22023} naming the option and what it
 * accepts. Unthrottled, a source ends a batch every 1024 rows, so its watermark moves while it
 * runs; rate-limited, after each burst of due events.
 *
 * <p>Differences from the Beam and Flink generators: references never point to future ids (they
 * let a few bids and auctions name persons and auctions not generated yet); the hot bidder is the
 * first person of its batch while the second does not exist; the random values differ (another
 * random generator, seeded by {@code seed} as well as the event number; strings and URLs are
 * built differently); event time is in microseconds (auctions last at least 1 us, not 1 ms);
 * there are no rate shapes (sine, square), several generator instances or out-of-order event
 * groups.
 */
package org.laminardb.connector.nexmark;
