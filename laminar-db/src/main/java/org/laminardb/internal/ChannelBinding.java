package org.laminardb.internal;

import org.laminardb.core.operator.ChunkConsumer;
import org.laminardb.core.queue.ChunkChannel;

/**
 * Input channel of a relation registered with its reactor, so that it can be re-registered when
 * the relation moves to another reactor.
 *
 * @param channel the channel drained by the reactor
 * @param consumer receives its chunks
 */
record ChannelBinding(ChunkChannel channel, ChunkConsumer consumer) {}
