package dev.alchemy.demo.users;

/** There is no user with the id a request names; the API answers 404. */
public class UserNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param id the id that names no user */
    public UserNotFoundException(int id) {
        super("There is no user with id " + id + ".");
    }
}
