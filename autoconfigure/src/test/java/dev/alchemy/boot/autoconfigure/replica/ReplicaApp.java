package dev.alchemy.boot.autoconfigure.replica;

import dev.alchemy.Alchemy;
import dev.alchemy.orm.Session;
import java.util.List;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The application: auto-configuration, {@link Account} found by scanning, and two services. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ReplicaApp.Accounts.class, ReplicaApp.Reports.class})
public class ReplicaApp {

    /** Where a statement ran, and what it saw. */
    public record Seen<T>(boolean onStandby, T value) {}

    /** Read-write and read-only work with the shared Session and JdbcTemplate. */
    @Service
    public static class Accounts {

        private final Session session;
        private final JdbcTemplate jdbc;
        private final Reports reports;

        Accounts(Session session, JdbcTemplate jdbc, Reports reports) {
            this.session = session;
            this.jdbc = jdbc;
            this.reports = reports;
        }

        // tag::replica-service[]
        @Transactional(readOnly = true) // the replica: the Session and JdbcTemplate alike
        public List<Account> accounts() {
            return session.query(Account.class).all();
        }

        @Transactional // the primary
        public Account add(String name) {
            Account account = new Account(name);
            session.add(account);
            return account;
        }
        // end::replica-service[]

        @Transactional
        public Seen<Integer> open(String name) {
            Account account = new Account(name);
            session.add(account);
            session.flush();
            return new Seen<>(alchemyOnStandby(), account.id);
        }

        @Transactional(readOnly = true)
        public Seen<List<String>> names() {
            List<String> names = session.query(Account.class).all().stream()
                    .map(a -> a.name)
                    .sorted()
                    .toList();
            return new Seen<>(alchemyOnStandby(), names);
        }

        @Transactional(readOnly = true)
        public Seen<Boolean> jdbcTemplateInReadOnly() {
            return new Seen<>(jdbcOnStandby(), true);
        }

        @Transactional
        public Seen<Boolean> jdbcTemplateInReadWrite() {
            return new Seen<>(jdbcOnStandby(), true);
        }

        @Transactional(readOnly = true)
        public void openInReadOnly(String name) {
            session.add(new Account(name));
            session.flush();
        }

        @Transactional(readOnly = true)
        public void jdbcTemplateWriteInReadOnly(String name) {
            jdbc.update("INSERT INTO replica_accounts (name) VALUES (?)", name);
        }

        /** Loads an account on the primary, then asks a read-only transaction of its own for the same one. */
        @Transactional
        public Account[] sameAccountInBoth(int id) {
            Account mine = session.get(Account.class, id);
            if (alchemyOnStandby()) {
                throw new IllegalStateException("a read-write transaction ran on the standby");
            }
            Seen<Account> theirs = reports.account(id);
            if (!theirs.onStandby()) {
                throw new IllegalStateException("the read-only transaction did not run on the standby");
            }
            if (session.get(Account.class, id) != mine) {
                throw new IllegalStateException("the outer session lost its object");
            }
            return new Account[] {mine, theirs.value()};
        }

        /** Outside any transaction: the shared Session's short read-only session. */
        public boolean onStandbyWithoutTransaction() {
            return alchemyOnStandby();
        }

        private boolean alchemyOnStandby() {
            return Boolean.TRUE.equals(
                    session.execute(Alchemy.text("SELECT pg_is_in_recovery()")).scalar());
        }

        private boolean jdbcOnStandby() {
            return Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_is_in_recovery()", Boolean.class));
        }
    }

    /** Read-only work in a transaction of its own. */
    @Service
    public static class Reports {

        private final Session session;

        Reports(Session session) {
            this.session = session;
        }

        @Transactional(readOnly = true, propagation = Propagation.REQUIRES_NEW)
        public Seen<Account> account(int id) {
            Account account = session.get(Account.class, id);
            boolean standby = Boolean.TRUE.equals(
                    session.execute(Alchemy.text("SELECT pg_is_in_recovery()")).scalar());
            return new Seen<>(standby, account);
        }
    }
}
