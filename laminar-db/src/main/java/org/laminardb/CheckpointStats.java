package org.laminardb;

import java.time.Instant;

/**
 * Figures of one checkpoint: {@link LaminarDB#checkpoint()} returns them for the checkpoint it
 * took, {@link LaminarDB#checkpoints()} and {@code SHOW CHECKPOINTS} list them for the
 * checkpoints kept on disk.
 *
 * @param epoch the checkpoint's epoch, counting up from 1
 * @param completedAt when the checkpoint became complete (its manifest was durable)
 * @param sizeBytes bytes on disk: state files, catalog and manifest (0 in memory)
 * @param durationMicros from the start of the checkpoint to its completion
 * @param pauseMicros the longest time a reactor spent encoding state instead of processing
 *     rows, or -1 when not known (checkpoints taken by an earlier process)
 */
public record CheckpointStats(long epoch, Instant completedAt, long sizeBytes,
    long durationMicros, long pauseMicros) {}
