package dev.alchemy.bench;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The plain object the JDBC and Core contenders fill, as their users would write it. */
public final class UserRecord {
    /** The generated key; null until inserted. */
    public @Nullable Integer id;
    /** The name. */
    public String name;
    /** The email. */
    public String email;
    /** The addresses, when loaded. */
    public List<AddressRecord> addresses = new ArrayList<>();

    /**
     * @param id the key or null
     * @param name the name
     * @param email the email
     */
    public UserRecord(@Nullable Integer id, String name, String email) {
        this.id = id;
        this.name = name;
        this.email = email;
    }

    /**
     * An address.
     *
     * @param id its key
     * @param userId its user's key
     * @param email the email
     */
    public record AddressRecord(int id, int userId, String email) {}
}
