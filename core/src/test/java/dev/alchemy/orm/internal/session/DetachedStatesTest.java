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

    private final DetachedStates detached = new DetachedStates();

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
        detached.putAll(states);

        assertThat(persistent).allMatch(detached::contains);
        assertThat(detached.contains(pending)).isFalse();
        assertThat(detached.contains(equalButOther)).isFalse();
    }

    @Test
    void removingForgetsAnObjectAndPutRemembersItAgain() {
        User u = user(7);
        detached.putAll(List.of(state(u, ObjectState.PERSISTENT)));
        assertThat(detached.remove(u)).isTrue();
        assertThat(detached.remove(u)).isFalse();
        assertThat(detached.contains(u)).isFalse();
        detached.put(u);
        assertThat(detached.contains(u)).isTrue();
        assertThat(detached.remove(u)).isTrue();
    }

    @Test
    void isEmptyAnswersWithoutIndexingTheBatches() {
        assertThat(detached.isEmpty()).isTrue();
        User u = user(3);
        detached.putAll(List.of(state(u, ObjectState.PERSISTENT)));
        assertThat(detached.isEmpty()).isFalse();
        assertThat(detached.pendingBatches()).isEqualTo(1);
        assertThat(detached.remove(u)).isTrue(); // asking indexes the batch
        assertThat(detached.pendingBatches()).isZero();
        assertThat(detached.isEmpty()).isTrue();
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
            detached.putAll(states);
        }
        assertThat(kept).allMatch(detached::contains);
        assertThat(detached.size()).isGreaterThanOrEqualTo(kept.size());
        kept.forEach(detached::remove);
        assertThat(kept).noneMatch(detached::contains);
    }
}
