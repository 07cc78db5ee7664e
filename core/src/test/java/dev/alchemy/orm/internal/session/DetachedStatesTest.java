package dev.alchemy.orm.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.orm.ObjectState;
import dev.alchemy.orm.internal.mapping.IdentityKey;
import dev.alchemy.orm.internal.mapping.Mapper;
import dev.alchemy.orm.internal.state.InstanceState;
import dev.alchemy.orm.model.User;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry of detached objects: batches registered at close, found by identity, forgotten once re-attached. */
class DetachedStatesTest {

    private static InstanceState state(User user, ObjectState status) {
        if (user.id == null) {
            return new InstanceState(user, Mapper.of(User.class), status);
        }
        InstanceState s = InstanceState.reattached(user, Mapper.of(User.class), new IdentityKey(User.class, user.id));
        if (status == ObjectState.DELETED) {
            s.markDeleted();
        }
        return s;
    }

    private static User user(int id) {
        User u = new User("u" + id, null);
        u.id = id;
        return u;
    }

    @Test
    void aClosedSessionsPersistentObjectsAreDetachedAndOnlyThem() {
        List<User> persistent = new ArrayList<>();
        List<InstanceState> states = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            User u = user(i);
            persistent.add(u);
            states.add(state(u, ObjectState.PERSISTENT));
        }
        User pending = new User("new", null);
        states.add(state(pending, ObjectState.PENDING));
        User equalButOther = user(1); // the same key, another object: identity counts, not equality
        DetachedStates.putAll(states);

        assertThat(persistent).allMatch(DetachedStates::contains);
        assertThat(DetachedStates.contains(pending)).isFalse();
        assertThat(DetachedStates.contains(equalButOther)).isFalse();
    }

    @Test
    void removingForgetsAnObjectAndPutRemembersItAgain() {
        User u = user(7);
        DetachedStates.putAll(List.of(state(u, ObjectState.PERSISTENT)));
        assertThat(DetachedStates.remove(u)).isTrue();
        assertThat(DetachedStates.remove(u)).isFalse();
        assertThat(DetachedStates.contains(u)).isFalse();
        DetachedStates.put(u);
        assertThat(DetachedStates.contains(u)).isTrue();
        assertThat(DetachedStates.remove(u)).isTrue();
    }

    @Test
    void manyBatchesAreIndexedOnceSomethingAsks() {
        List<User> kept = new ArrayList<>();
        for (int batch = 0; batch < 200; batch++) {
            List<InstanceState> states = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                User u = user(batch * 500 + i);
                states.add(state(u, ObjectState.PERSISTENT));
                if (i == 0) {
                    kept.add(u); // the others are garbage: sweeps may drop them
                }
            }
            DetachedStates.putAll(states);
        }
        assertThat(kept).allMatch(DetachedStates::contains);
        assertThat(DetachedStates.size()).isGreaterThanOrEqualTo(kept.size());
        kept.forEach(DetachedStates::remove);
        assertThat(kept).noneMatch(DetachedStates::contains);
    }
}
