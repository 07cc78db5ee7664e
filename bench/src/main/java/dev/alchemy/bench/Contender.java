package dev.alchemy.bench;

/**
 * One library doing the workloads. Every method does the whole unit of work a user would write (open a session or
 * connection, run, commit, close) and returns a figure the caller checks, so that a contender that skips work is
 * caught rather than fast.
 */
public interface Contender extends AutoCloseable {

    /**
     * W1: creates {@code n} user objects, inserts them in one transaction and reads their generated ids back into them.
     *
     * @param n how many
     * @param prefix the start of each name (names are {@code prefix + i})
     * @return the sum of the ids the objects got
     */
    long insertUsers(int n, String prefix);

    /**
     * W2: loads every user as an object.
     *
     * @return how many were loaded
     */
    int loadAllUsers();

    /**
     * W3: looks users up by primary key, each lookup in a fresh session (or pooled connection).
     *
     * @param ids the keys
     * @return the sum of the ids of the users found
     */
    long lookups(int[] ids);

    /**
     * W4: loads the first {@code n} users by id, sets each email to {@code tag + "-" + id + "@example.com"} and
     * commits.
     *
     * @param n how many
     * @param tag the start of the new emails
     * @return how many objects were changed
     */
    int updateEmails(int n, String tag);

    /**
     * W5: one query per name, each returning one user.
     *
     * @param names the names
     * @return the sum of the ids of the users found
     */
    long queriesByName(String[] names);

    /**
     * W6: loads every user with its addresses, without one query per user.
     *
     * @return the number of addresses reached through the loaded users
     */
    int loadUsersWithAddresses();

    /**
     * W7: loads every user as an object and deletes each one, then commits.
     *
     * @return how many were deleted
     */
    int loadAndDeleteUsers();

    @Override
    void close();
}
