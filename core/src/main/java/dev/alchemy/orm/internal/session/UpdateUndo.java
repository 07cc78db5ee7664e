package dev.alchemy.orm.internal.session;

import dev.alchemy.orm.internal.mapping.Attribute;
import dev.alchemy.orm.internal.mapping.IdentityKey;
import dev.alchemy.orm.internal.state.IdentityMap;
import dev.alchemy.orm.internal.state.InstanceState;
import org.jspecify.annotations.Nullable;

/**
 * What one UPDATE overwrote in the session's bookkeeping: the object's snapshot, identity key and version field.
 *
 * @param state the object
 * @param snapshot its snapshot before the UPDATE
 * @param key its identity key before the UPDATE
 * @param version its version field before the UPDATE, when the class has one
 */
record UpdateUndo(
        InstanceState state,
        Object[] snapshot,
        IdentityKey key,
        @Nullable Object version) {

    /** Puts the object's bookkeeping back as it was before the UPDATE; its other fields keep their values. */
    void apply(IdentityMap map) {
        Attribute v = state.mapper.version;
        if (v != null && (version != null || !v.primitive)) {
            v.setRaw(state.instance, version);
        }
        if (!key.equals(state.key())) {
            map.removeKeyOf(state.key(), state);
            map.putKey(key, state);
        }
        state.written(key, snapshot);
    }
}
