package dev.alchemy.demo.users;

import static dev.alchemy.Alchemy.column;
import static dev.alchemy.Alchemy.select;

import dev.alchemy.boot.autoconfigure.AlchemyModels;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.Load;
import dev.alchemy.orm.Query;
import dev.alchemy.orm.Related;
import dev.alchemy.orm.Session;
import dev.alchemy.schema.Table;
import dev.alchemy.sql.Select;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The users and their addresses, through the Session of each method's transaction. Every method answers with views
 * made inside the transaction, so nothing is loaded after the Session has closed.
 */
@Service
public class UserService {

    private final Session session;
    private final Table users;
    private final Table addresses;

    /**
     * @param session the shared Session: in each transaction, that transaction's own
     * @param models the scanned models, for the tables of the Core query in {@link #addresses}
     */
    public UserService(Session session, AlchemyModels models) {
        this.session = session;
        Base base = models.base().orElseThrow();
        this.users = base.table(User.class);
        this.addresses = base.table(Address.class);
    }

    /**
     * Users, oldest first, with their addresses (loaded by one more SELECT for all of them, not one per user).
     *
     * @param name only users with this name, when given
     * @param city only users with an address in this city, when given
     * @return the users
     */
    @Transactional(readOnly = true)
    public List<UserView> list(@Nullable String name, @Nullable String city) {
        Query<User> query = session.query(User.class)
                .options(Load.selectin(User.class, "addresses"))
                .orderBy(column(User.class, "id"));
        if (name != null) {
            query = query.filterBy("name", name);
        }
        if (city != null) {
            // WHERE EXISTS (SELECT 1 FROM addresses WHERE addresses.user_id = users.id AND addresses.city = ?)
            query = query.filter(Related.any(
                    User.class, "addresses", column(Address.class, "city").eq(city)));
        }
        return query.all().stream().map(UserView::of).toList();
    }

    /**
     * @param id a user's id
     * @return the user
     * @throws UserNotFoundException when there is none
     */
    @Transactional(readOnly = true)
    public UserView get(int id) {
        return UserView.of(find(id));
    }

    /**
     * Adds a user.
     *
     * @param request the name and email
     * @return the user, with its id
     * @throws org.springframework.dao.DuplicateKeyException when the email is taken
     */
    @Transactional
    public UserView create(UserRequest request) {
        User user = new User(request.name(), request.email());
        session.add(user);
        session.flush(); // INSERT now, for the id
        return UserView.of(user);
    }

    /**
     * Changes a user's name and email. No save call: the Session writes the changed fields when the transaction
     * commits.
     *
     * @param id the user's id
     * @param request the new name and email
     * @return the user as it will be
     * @throws UserNotFoundException when there is none
     * @throws org.springframework.dao.DuplicateKeyException when the email is another user's
     */
    @Transactional
    public UserView update(int id, UserRequest request) {
        User user = find(id);
        user.name = request.name();
        user.email = request.email();
        return UserView.of(user);
    }

    /**
     * Deletes a user and, by the relationship's cascade, its addresses.
     *
     * @param id the user's id
     * @throws UserNotFoundException when there is none
     */
    @Transactional
    public void delete(int id) {
        session.delete(find(id));
    }

    /**
     * Adds an address to a user's collection; the Session INSERTs it with the user's id.
     *
     * @param id the user's id
     * @param request the street and city
     * @return the address, with its id
     * @throws UserNotFoundException when there is no such user
     */
    @Transactional
    public AddressView addAddress(int id, AddressRequest request) {
        User user = find(id);
        Address address = new Address(request.street(), request.city());
        user.addresses.add(address);
        session.flush(); // INSERT now, for the id
        return AddressView.of(address);
    }

    /**
     * Every address with its user's name, by a Core SELECT with a join (the ON clause comes from the foreign key).
     *
     * @param city only addresses in this city, when given
     * @return the rows, by user name
     */
    @Transactional(readOnly = true)
    public List<AddressRow> addresses(@Nullable String city) {
        Select query = select(users.c("name"), addresses.c("street"), addresses.c("city"))
                .selectFrom(users)
                .join(addresses)
                .orderBy(users.c("name"), addresses.c("id"));
        if (city != null) {
            query = query.where(addresses.c("city").eq(city));
        }
        return session.execute(query).into(AddressRow.class);
    }

    private User find(int id) {
        User user = session.get(User.class, id);
        if (user == null) {
            throw new UserNotFoundException(id);
        }
        return user;
    }
}
