package dev.alchemy.orm.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.orm.ObjectState;
import dev.alchemy.orm.internal.mapping.Mapper;
import dev.alchemy.orm.model.User;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The session's ordered sets of states: insertion order, removal, re-adding, compaction, savepoint marks. */
class StateSetTest {

    /** @return n new states of pending users, for the tests of the sets and the identity map */
    static List<InstanceState> states(int n) {
        List<InstanceState> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new InstanceState(new User("u" + i, null), Mapper.of(User.class), ObjectState.PENDING));
        }
        return list;
    }

    @Test
    void keepsInsertionOrderAndForgetsRemovedMembers() {
        StateSet set = new StateSet(StateSet.Kind.PENDING);
        List<InstanceState> s = states(4);
        s.forEach(set::add);
        assertThat(set.add(s.get(0))).isFalse();
        assertThat(set.remove(s.get(1))).isTrue();
        assertThat(set.remove(s.get(1))).isFalse();
        assertThat(set.contains(s.get(1))).isFalse();
        set.add(s.get(1)); // re-added: now last
        assertThat(set).containsExactly(s.get(0), s.get(2), s.get(3), s.get(1));
        assertThat(set.toList()).containsExactly(s.get(0), s.get(2), s.get(3), s.get(1));
        assertThat(set.size()).isEqualTo(4);
    }

    @Test
    void theTwoKindsAreIndependent() {
        StateSet pending = new StateSet(StateSet.Kind.PENDING);
        StateSet fresh = new StateSet(StateSet.Kind.NEW_IN_TRANSACTION);
        InstanceState s = states(1).get(0);
        pending.add(s);
        fresh.add(s);
        pending.remove(s);
        assertThat(fresh.contains(s)).isTrue();
        assertThat(pending.contains(s)).isFalse();
    }

    @Test
    void compactsWhenHolesOutnumberMembersButNotUnderAMark() {
        StateSet set = new StateSet(StateSet.Kind.NEW_IN_TRANSACTION);
        List<InstanceState> s = states(100);
        s.subList(0, 50).forEach(set::add);
        int mark = set.mark();
        s.subList(50, 100).forEach(set::add);
        s.subList(0, 45).forEach(set::remove); // many holes, but a savepoint holds the mark
        assertThat(set.since(mark)).containsExactlyElementsOf(s.subList(50, 100));
        set.thaw();
        s.subList(45, 50).forEach(set::remove); // compacts now
        assertThat(set).containsExactlyElementsOf(s.subList(50, 100));
        assertThat(s.subList(50, 100)).allMatch(set::contains);
        set.clear();
        assertThat(set.isEmpty()).isTrue();
        assertThat(s).noneMatch(set::contains);
    }

    @Test
    void aClearedSetForgetsItsMembersThoughTheirSlotsAreStale() {
        StateSet first = new StateSet(StateSet.Kind.HELD);
        StateSet second = new StateSet(StateSet.Kind.HELD);
        List<InstanceState> s = states(3);
        s.forEach(first::add);
        first.clear(); // the states keep the slots they had: 0, 1, 2
        assertThat(first.contains(s.get(0))).isFalse();
        assertThat(first).isEmpty();

        second.add(s.get(2)); // slot 0 of another set: the stale slot of s0 points at s2 there
        assertThat(second.contains(s.get(0))).isFalse();
        assertThat(second.remove(s.get(0))).isFalse();
        assertThat(second).containsExactly(s.get(2));

        first.add(s.get(1));
        first.add(s.get(0));
        assertThat(first).containsExactly(s.get(1), s.get(0));
    }
}
