package dev.alchemy.boot.test.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.orm.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.jdbc.core.JdbcTemplate;

// The @AlchemyTest example of docs/spring-boot.md.
// tag::alchemy-test[]
@AlchemyTest(includeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = Memos.class))
class MemosTest {
    @Autowired
    Memos memos; // the service under test, brought in by the include filter

    @Autowired
    Session session;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void writeAddsAMemo() {
        Memo memo = memos.write("hello");
        session.flush(); // the test's transaction never commits: flush to run the INSERT now
        assertThat(memo.id).isNotNull();
        assertThat(jdbc.queryForObject("SELECT body FROM memo", String.class)).isEqualTo("hello");
    } // rolled back: the next test starts with an empty table
}
// end::alchemy-test[]
