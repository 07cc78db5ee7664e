package dev.alchemy.orm.internal.flush;

import dev.alchemy.exc.CircularDependencyError;
import dev.alchemy.orm.internal.mapping.Attribute;
import dev.alchemy.orm.internal.mapping.Mapper;
import dev.alchemy.orm.internal.mapping.RelationshipProperty;
import dev.alchemy.orm.internal.mapping.RelationshipProperty.Kind;
import dev.alchemy.orm.internal.relationships.Cascades;
import dev.alchemy.orm.internal.state.InstanceState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The order a flush writes rows in, as SQLAlchemy's unit of work sorts it. Classes are ordered by their foreign keys,
 * parents first; classes whose tables refer to each other in a cycle (two classes, or one class and itself) form a
 * group whose new objects are ordered one by one, each after the new objects it refers to. A foreign key of a
 * {@code postUpdate} relationship is left out of both orders: it is written by an UPDATE after the rows exist. New
 * objects that still refer to each other in a cycle are refused with {@link CircularDependencyError} before anything
 * is written.
 */
public final class FlushOrder {

    private FlushOrder() {}

    /**
     * @param mappers the classes a flush writes
     * @return the foreign key columns written after the rows, by UPDATE: those of {@code postUpdate} relationships
     */
    public static Set<Attribute> postUpdateKeys(Collection<Mapper<?>> mappers) {
        Set<Attribute> keys = null;
        for (Mapper<?> m : mappers) {
            for (RelationshipProperty r : m.relationshipArray) {
                if (r.postUpdate) {
                    r.resolve();
                    if (keys == null) {
                        keys = new HashSet<>();
                    }
                    keys.add(r.foreignKey);
                }
            }
        }
        return keys == null ? Set.of() : keys;
    }

    /**
     * Tarjan's strongly connected components of the classes, over foreign keys not written after the rows.
     *
     * @return the groups of classes, each after the groups its foreign keys refer to
     */
    public static List<List<Mapper<?>>> groups(Collection<Mapper<?>> mappers, Set<Attribute> postUpdateKeys) {
        // a table may hold the rows of several classes: a single-table hierarchy's
        Map<String, List<Mapper<?>>> byTable = new HashMap<>();
        for (Mapper<?> m : mappers) {
            for (dev.alchemy.schema.Table t : m.tables()) { // joined-table inheritance: each of its rows' tables
                byTable.computeIfAbsent(t.fullName(), k -> new ArrayList<>()).add(m);
            }
        }
        Tarjan tarjan = new Tarjan(byTable, postUpdateKeys);
        for (Mapper<?> m : mappers) {
            if (!tarjan.index.containsKey(m)) {
                tarjan.visit(m);
            }
        }
        return tarjan.groups;
    }

    private static final class Tarjan {
        public final Map<String, List<Mapper<?>>> byTable;
        public final Set<Attribute> postUpdateKeys;
        public final Map<Mapper<?>, Integer> index = new HashMap<>();
        public final Map<Mapper<?>, Integer> low = new HashMap<>();
        public final Deque<Mapper<?>> stack = new ArrayDeque<>();
        public final Set<Mapper<?>> onStack = new HashSet<>();
        public final List<List<Mapper<?>>> groups = new ArrayList<>();

        public Tarjan(Map<String, List<Mapper<?>>> byTable, Set<Attribute> postUpdateKeys) {
            this.byTable = byTable;
            this.postUpdateKeys = postUpdateKeys;
        }

        public void visit(Mapper<?> m) {
            int i = index.size();
            index.put(m, i);
            low.put(m, i);
            stack.push(m);
            onStack.add(m);
            for (Attribute a : m.attributes) {
                String target = a.foreignKeyTarget;
                if (target == null || postUpdateKeys.contains(a)) {
                    continue;
                }
                for (Mapper<?> parent : byTable.getOrDefault(target.substring(0, target.lastIndexOf('.')), List.of())) {
                    if (parent == m) {
                        continue;
                    }
                    if (!index.containsKey(parent)) {
                        visit(parent);
                        low.put(
                                m,
                                Math.min(Objects.requireNonNull(low.get(m)), Objects.requireNonNull(low.get(parent))));
                    } else if (onStack.contains(parent)) {
                        low.put(m, Math.min(low.get(m), index.get(parent)));
                    }
                }
            }
            if (low.get(m).equals(index.get(m))) {
                List<Mapper<?>> group = new ArrayList<>();
                Mapper<?> member;
                do {
                    member = stack.pop();
                    onStack.remove(member);
                    group.add(member);
                } while (member != m);
                java.util.Collections.reverse(group);
                groups.add(group);
            }
        }
    }

    /**
     * @return whether the new objects of a group must be ordered one by one: a group of several classes, or a class
     *     with a relationship to itself
     */
    public static boolean needsObjectOrder(List<Mapper<?>> group) {
        if (group.size() > 1) {
            return true;
        }
        Mapper<?> m = group.get(0);
        for (RelationshipProperty r : m.relationshipArray) {
            r.resolve();
            if (r.target == m && r.kind != Kind.MANY_TO_MANY && !r.postUpdate) {
                return true;
            }
        }
        return false;
    }

    /** One object waiting for another: the relationship whose foreign key makes it wait. */
    private record Wait(InstanceState parent, RelationshipProperty through) {}

    /**
     * Orders the new objects of a group in levels: each object after the new objects it refers to by a foreign key
     * (a many-to-one reference, or membership in a collection), except through {@code postUpdate} relationships.
     *
     * @param states the group's new objects
     * @return the levels, each a list of objects that may be inserted together
     * @throws CircularDependencyError when objects refer to each other in a cycle
     */
    public static List<List<InstanceState>> levels(List<InstanceState> states) {
        Map<Object, InstanceState> byInstance = new IdentityHashMap<>();
        for (InstanceState s : states) {
            byInstance.put(s.instance, s);
        }
        Map<InstanceState, List<Wait>> waits = new HashMap<>();
        for (InstanceState s : states) {
            for (RelationshipProperty r : s.mapper.relationshipArray) {
                r.resolve();
                if (r.postUpdate || r.kind == Kind.MANY_TO_MANY) {
                    continue;
                }
                for (Object target : Cascades.loadedTargets(s, r)) {
                    InstanceState t = byInstance.get(target);
                    if (t == null || t == s) {
                        continue;
                    }
                    if (r.kind == Kind.MANY_TO_ONE) {
                        waits.computeIfAbsent(s, k -> new ArrayList<>()).add(new Wait(t, r));
                    } else {
                        waits.computeIfAbsent(t, k -> new ArrayList<>()).add(new Wait(s, r));
                    }
                }
            }
        }
        if (waits.isEmpty()) {
            return List.of(states);
        }
        List<List<InstanceState>> levels = new ArrayList<>();
        Set<InstanceState> placed = new HashSet<>();
        List<InstanceState> remaining = new ArrayList<>(states);
        while (!remaining.isEmpty()) {
            List<InstanceState> level = new ArrayList<>();
            List<InstanceState> later = new ArrayList<>();
            for (InstanceState s : remaining) {
                boolean ready = true;
                for (Wait w : waits.getOrDefault(s, List.of())) {
                    if (!placed.contains(w.parent())) {
                        ready = false;
                        break;
                    }
                }
                (ready ? level : later).add(s);
            }
            if (level.isEmpty()) {
                throw cycle(later, waits);
            }
            placed.addAll(level);
            remaining = later;
            levels.add(level);
        }
        return levels;
    }

    /** Follows the waits from an object left over until they come round, and names what forms the cycle. */
    private static CircularDependencyError cycle(List<InstanceState> left, Map<InstanceState, List<Wait>> waits) {
        Set<InstanceState> stuck = new HashSet<>(left);
        Map<InstanceState, Integer> seenAt = new LinkedHashMap<>();
        List<Wait> path = new ArrayList<>();
        InstanceState at = left.get(0);
        while (!seenAt.containsKey(at)) {
            seenAt.put(at, path.size());
            Wait next = null;
            for (Wait w : waits.getOrDefault(at, List.of())) {
                if (stuck.contains(w.parent())) {
                    next = w;
                    break;
                }
            }
            if (next == null) {
                break; // cannot happen: every object left waits for another one left
            }
            path.add(next);
            at = next.parent();
        }
        List<Wait> ring = path.subList(Math.min(seenAt.getOrDefault(at, 0), path.size()), path.size());
        Set<String> classes = new java.util.LinkedHashSet<>();
        List<String> relationships = new ArrayList<>();
        for (Wait w : ring) {
            classes.add(w.parent().mapper.type.getSimpleName());
            String name = w.through().toString();
            if (!relationships.contains(name)) {
                relationships.add(name);
            }
        }
        return new CircularDependencyError("the new " + String.join(" and ", classes) + " objects refer to each "
                + "other in a cycle of foreign keys (through " + String.join(", ", relationships) + "), so no order of "
                + "INSERTs can set them all; nothing was written. Mark one of these relationships "
                + "@Relationship(postUpdate = true), so that its key is written by an UPDATE after the rows exist, or "
                + "flush one object before setting the reference that closes the cycle");
    }

    /** @return the objects of a group's level, by class in the group's order */
    public static Map<Mapper<?>, List<InstanceState>> byClass(List<Mapper<?>> group, List<InstanceState> level) {
        Map<Mapper<?>, List<InstanceState>> map = new LinkedHashMap<>();
        for (Mapper<?> m : group) {
            map.put(m, new ArrayList<>());
        }
        for (InstanceState s : level) {
            Objects.requireNonNull(map.get(s.mapper)).add(s);
        }
        map.values().removeIf(List::isEmpty);
        return map;
    }
}
