package dev.alchemy.bench;

import java.util.Random;

/**
 * The seven workloads of the issue. Each prepares its rows (not measured), runs on a contender (measured) and checks
 * the result and the database afterwards, so that a contender that skipped work fails instead of looking fast.
 */
public enum Workload {
    W1("insert 20,000 users in one transaction, ids read back") {
        @Override
        void beforeEach(Run run) {
            Seed.clear(run.db);
        }

        @Override
        long execute(Run run) {
            return run.contender.insertUsers(run.sizes.users(), "new" + run.count + "-");
        }

        @Override
        void afterEach(Run run, long result) {
            expect(run, "users inserted", run.sizes.users(), run.db.queryLong("SELECT count(*) FROM users"));
            expect(run, "sum of the ids read back", run.db.queryLong("SELECT sum(id) FROM users"), result);
        }
    },
    W2("load all 20,000 users as objects") {
        @Override
        void beforeAll(Run run) {
            Seed.users(run.db, run.sizes.users(), 0);
        }

        @Override
        long execute(Run run) {
            return run.contender.loadAllUsers();
        }

        @Override
        void afterEach(Run run, long result) {
            expect(run, "users loaded", run.sizes.users(), result);
        }
    },
    W3("10,000 primary-key lookups, each in a fresh session") {
        @Override
        void beforeAll(Run run) {
            Seed.users(run.db, run.sizes.users(), 0);
            Random random = new Random(42);
            run.ids = new int[run.sizes.lookups()];
            long sum = 0;
            for (int i = 0; i < run.ids.length; i++) {
                run.ids[i] = 1 + random.nextInt(run.sizes.users());
                sum += run.ids[i];
            }
            run.expected = sum;
        }

        @Override
        long execute(Run run) {
            return run.contender.lookups(run.ids);
        }

        @Override
        void afterEach(Run run, long result) {
            expect(run, "sum of the ids found", run.expected, result);
        }
    },
    W4("load 5,000 users, change each email, commit") {
        @Override
        void beforeAll(Run run) {
            Seed.users(run.db, run.sizes.users(), 0);
        }

        @Override
        long execute(Run run) {
            return run.contender.updateEmails(run.sizes.updates(), "t" + run.count);
        }

        @Override
        void afterEach(Run run, long result) {
            expect(run, "objects changed", run.sizes.updates(), result);
            expect(
                    run,
                    "rows with the new email",
                    run.sizes.updates(),
                    run.db.queryLong("SELECT count(*) FROM users WHERE email LIKE 't" + run.count + "-%'"));
        }
    },
    W5("1,000 queries by (indexed) name returning one user") {
        @Override
        void beforeAll(Run run) {
            Seed.users(run.db, run.sizes.users(), 0);
            Random random = new Random(7);
            run.names = new String[run.sizes.queries()];
            long sum = 0;
            for (int i = 0; i < run.names.length; i++) {
                int id = 1 + random.nextInt(run.sizes.users());
                run.names[i] = Seed.name(id);
                sum += id;
            }
            run.expected = sum;
        }

        @Override
        long execute(Run run) {
            return run.contender.queriesByName(run.names);
        }

        @Override
        void afterEach(Run run, long result) {
            expect(run, "sum of the ids found", run.expected, result);
        }
    },
    W6("load 1,000 users with their 5 addresses each, N+1-free") {
        @Override
        void beforeAll(Run run) {
            Seed.users(run.db, run.sizes.withAddresses(), run.sizes.addressesPerUser());
        }

        @Override
        long execute(Run run) {
            return run.contender.loadUsersWithAddresses();
        }

        @Override
        void afterEach(Run run, long result) {
            expect(run, "addresses reached", (long) run.sizes.withAddresses() * run.sizes.addressesPerUser(), result);
        }
    },
    W7("load and delete 5,000 users through the ORM") {
        @Override
        void beforeEach(Run run) {
            Seed.clear(run.db);
            Seed.users(run.db, run.sizes.deletes(), 0);
        }

        @Override
        long execute(Run run) {
            return run.contender.loadAndDeleteUsers();
        }

        @Override
        void afterEach(Run run, long result) {
            expect(run, "objects deleted", run.sizes.deletes(), result);
            expect(run, "users left", 0, run.db.queryLong("SELECT count(*) FROM users"));
        }
    };

    private final String description;

    Workload(String description) {
        this.description = description;
    }

    /** @return whether the workload only reads (W2, W3, W5, W6), so that read-only sessions can run it */
    public boolean reads() {
        return this == W2 || this == W3 || this == W5 || this == W6;
    }

    /** @return what the workload does, as the issue says it */
    public String description() {
        return description;
    }

    /**
     * What one call handles, to give its allocation per item: the users it inserts (W1), loads (W2, W4, W7), looks up
     * one per session (W3) or queries one per statement (W5); W6 counts users and addresses.
     *
     * @param sizes the sizes of the run
     * @return the items of one call
     */
    public int items(Sizes sizes) {
        return switch (this) {
            case W1, W2 -> sizes.users();
            case W3 -> sizes.lookups();
            case W4 -> sizes.updates();
            case W5 -> sizes.queries();
            case W6 -> sizes.withAddresses() * (1 + sizes.addressesPerUser());
            case W7 -> sizes.deletes();
        };
    }

    /** @return what {@link #items} counts, for a table's heading */
    public String itemName() {
        return switch (this) {
            case W1 -> "user inserted";
            case W2, W4, W7 -> "user loaded";
            case W3 -> "lookup";
            case W5 -> "query";
            case W6 -> "object loaded";
        };
    }

    /** Once per trial, after the tables are created: the rows the workload reads. */
    void beforeAll(Run run) {}

    /** Before each measured call. */
    void beforeEach(Run run) {}

    abstract long execute(Run run);

    /** After each measured call: checks the result and the rows. */
    abstract void afterEach(Run run, long result);

    static void expect(Run run, String what, long expected, long actual) {
        if (expected != actual) {
            throw new IllegalStateException(run + ": " + what + " was " + actual + ", expected " + expected);
        }
    }

    /**
     * One trial of a workload: a fresh database, one contender, and the calls made on them.
     */
    public static final class Run implements AutoCloseable {
        final Workload workload;
        final String contenderName;
        final BenchDatabase db;
        final Contender contender;
        final Sizes sizes;
        int count;
        int[] ids = new int[0];
        String[] names = new String[0];
        long expected;
        private boolean before;

        /**
         * Creates the database and its rows, then opens the contender on it.
         *
         * @param workload the workload
         * @param contender the contender's name ({@link Contenders})
         * @param database {@code sqlite} or {@code postgresql}
         * @param sizes the sizes
         */
        public Run(Workload workload, String contender, String database, Sizes sizes) {
            this.workload = workload;
            this.contenderName = contender;
            this.sizes = sizes;
            if (!Contenders.runs(workload, contender)) {
                throw new IllegalArgumentException(contender + " does not run " + workload + ", which writes");
            }
            this.db = BenchDatabase.create(database);
            workload.beforeAll(this);
            this.contender = Contenders.open(contender, db);
        }

        /** Prepares the next call (not measured). */
        public void setUp() {
            workload.beforeEach(this);
            before = true;
        }

        /**
         * The measured call.
         *
         * @return the contender's figure
         */
        public long execute() {
            if (!before) {
                throw new IllegalStateException("setUp() was not called before execute()");
            }
            return workload.execute(this);
        }

        /**
         * Checks the call (not measured).
         *
         * @param result what {@link #execute()} returned
         */
        public void tearDown(long result) {
            workload.afterEach(this, result);
            before = false;
            count++;
        }

        /**
         * setUp, execute, tearDown.
         *
         * @return the contender's figure
         */
        public long once() {
            setUp();
            long result = execute();
            tearDown(result);
            return result;
        }

        @Override
        public void close() {
            try {
                contender.close();
            } finally {
                db.close();
            }
        }

        @Override
        public String toString() {
            return workload + " " + contenderName + " on " + db.kind();
        }
    }
}
