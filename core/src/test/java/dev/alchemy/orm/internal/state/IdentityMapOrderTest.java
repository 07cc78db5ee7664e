package dev.alchemy.orm.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.orm.ObjectState;
import dev.alchemy.orm.internal.mapping.Mapper;
import dev.alchemy.orm.model.User;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The identity map walks its objects in the order they came (the order they lie in memory), not its hash table's, and
 * its walk always holds exactly the objects it can find.
 */
class IdentityMapOrderTest {

    @Test
    void walksTheObjectsInTheOrderTheyCame() {
        IdentityMap map = new IdentityMap();
        List<InstanceState> s = StateSetTest.states(200);
        map.reserve(200);
        s.forEach(map::add);
        assertThat(map.states()).containsExactlyElementsOf(s);
        assertThat(map.states()).hasSize(200);
    }

    @Test
    void removedObjectsLeaveTheWalkAndReturnAtItsEnd() {
        IdentityMap map = new IdentityMap();
        List<InstanceState> s = StateSetTest.states(100);
        s.forEach(map::add);
        for (int i = 0; i < 80; i++) { // enough holes to compact the order
            map.remove(s.get(i).instance);
        }
        assertThat(map.states()).containsExactlyElementsOf(s.subList(80, 100));
        map.add(s.get(3));
        assertThat(map.states()).endsWith(s.get(3)).hasSize(21);
        assertThat(map.state(s.get(3).instance)).isSameAs(s.get(3));
    }

    @Test
    void anObjectGivenANewStateIsWalkedOnceWithIt() {
        IdentityMap map = new IdentityMap();
        InstanceState old = StateSetTest.states(1).get(0);
        InstanceState fresh = new InstanceState(old.instance, Mapper.of(User.class), ObjectState.PENDING);
        map.add(old);
        map.add(fresh);
        assertThat(map.states()).containsExactly(fresh);
        map.clear();
        assertThat(map.states()).isEmpty();
        map.add(old); // a state from before the clear, its slot stale
        assertThat(map.states()).containsExactly(old);
    }
}
