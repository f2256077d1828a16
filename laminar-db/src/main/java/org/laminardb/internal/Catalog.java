package org.laminardb.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.SqlNode;
import org.laminardb.error.ErrorCode;
import org.laminardb.sql.plan.Relation;
import org.laminardb.sql.plan.RelationKind;
import org.laminardb.sql.plan.RelationResolver;
import org.laminardb.sql.plan.SqlErrors;

/**
 * Named objects of a database, case-insensitive, in creation order. Not thread-safe: guarded by
 * the engine's catalog lock.
 */
final class Catalog implements RelationResolver {
  private final Map<String, RelationRuntime> objects = new LinkedHashMap<>();

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  RelationRuntime find(String name) {
    return objects.get(key(name));
  }

  RelationRuntime require(String name, SqlNode at) {
    RelationRuntime r = find(name);
    if (r == null) {
      throw SqlErrors.at(ErrorCode.UNDEFINED_RELATION, at,
          "relation \"" + name + "\" does not exist");
    }
    return r;
  }

  RelationRuntime require(String name, RelationKind kind, SqlNode at) {
    RelationRuntime r = require(name, at);
    if (r.kind != kind) {
      throw SqlErrors.at(ErrorCode.WRONG_OBJECT_TYPE, at, "\"" + r.name + "\" is a "
          + r.kind.sqlName().toLowerCase(Locale.ROOT) + ", not a "
          + kind.sqlName().toLowerCase(Locale.ROOT));
    }
    return r;
  }

  void checkFree(String name, SqlNode at) {
    RelationRuntime r = find(name);
    if (r != null) {
      throw SqlErrors.at(ErrorCode.DUPLICATE_OBJECT, at, r.kind.sqlName().toLowerCase(Locale.ROOT)
          + " \"" + r.name + "\" already exists");
    }
  }

  void add(RelationRuntime r) {
    objects.put(key(r.name), r);
  }

  void remove(RelationRuntime r) {
    objects.remove(key(r.name));
  }

  Collection<RelationRuntime> all() {
    return objects.values();
  }

  /** Objects that read {@code r}, directly or not, dependants after their inputs. */
  List<RelationRuntime> dependants(RelationRuntime r) {
    Set<RelationRuntime> out = new LinkedHashSet<>();
    collect(r, out);
    return new ArrayList<>(out);
  }

  private void collect(RelationRuntime r, Set<RelationRuntime> out) {
    for (RelationRuntime o : objects.values()) {
      if ((o.inputs.contains(r) || o.lookupInputs.contains(r)) && out.add(o)) {
        collect(o, out);
      }
    }
  }

  @Override
  public org.laminardb.sql.plan.LookupTableInfo lookupTable(String name) {
    RelationRuntime r = find(name);
    return r == null ? null : r.lookupInfo;
  }

  @Override
  public Collection<Relation> relations() {
    List<Relation> out = new ArrayList<>();
    for (RelationRuntime r : objects.values()) {
      if (r.kind != RelationKind.SINK) {
        out.add(r.relation());
      }
    }
    return out;
  }
}
