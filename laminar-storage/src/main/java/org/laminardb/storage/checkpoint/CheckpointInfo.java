package org.laminardb.storage.checkpoint;

/**
 * Summary of one checkpoint, for {@code SHOW CHECKPOINTS}.
 *
 * @param epoch the checkpoint epoch
 * @param completedAtMillis when the manifest was written, milliseconds since the epoch
 * @param totalBytes the sizes of the manifest and all state files (with their trailers) on disk
 * @param durationMillis {@code completedAtMillis - manifest.createdAtMillis()}: the time from the
 *     start of the checkpoint to its completion
 */
public record CheckpointInfo(long epoch, long completedAtMillis, long totalBytes,
    long durationMillis) {}
