package dev.alchemy.bench.mybatis;

import dev.alchemy.bench.UserRecord;
import java.util.List;
import org.apache.ibatis.annotations.Param;
import org.jspecify.annotations.Nullable;

/** The MyBatis mapper of the workloads; its statements are in {@code UserMapper.xml} beside it. */
public interface UserMapper {

    /**
     * One multi-row INSERT ... RETURNING id.
     *
     * @param users the users, ids null
     * @return the generated keys, in the order of the users
     */
    List<Integer> insertAll(@Param("users") List<UserRecord> users);

    /** @return every user */
    List<UserRecord> findAll();

    /**
     * @param id a key
     * @return the user or null
     */
    @Nullable
    UserRecord findById(int id);

    /**
     * @param name a name
     * @return the user or null
     */
    @Nullable
    UserRecord findByName(String name);

    /**
     * @param n how many
     * @return the first users by id
     */
    List<UserRecord> findFirst(int n);

    /**
     * @param user the user whose email is written
     * @return rows changed (a batch executor reports them at flush)
     */
    int updateEmail(UserRecord user);

    /**
     * @param id a key
     * @return rows deleted (a batch executor reports them at flush)
     */
    int deleteById(int id);

    /** @return every user with its addresses, from one LEFT JOIN */
    List<UserRecord> findAllWithAddresses();
}
