package org.laminardb.internal;

import java.util.List;
import org.laminardb.ColumnInfo;

/**
 * Description of a catalog object for metadata listings.
 *
 * @param name object name as declared
 * @param kind SQL kind: {@code SOURCE}, {@code STREAM}, {@code MATERIALIZED VIEW} or {@code SINK}
 * @param columns its columns
 */
public record CatalogObjectInfo(String name, String kind, List<ColumnInfo> columns) {}
