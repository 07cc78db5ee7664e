package dev.alchemy.bench.mybatis;

import com.zaxxer.hikari.HikariDataSource;
import dev.alchemy.bench.BenchDatabase;
import dev.alchemy.bench.Contender;
import dev.alchemy.bench.UserRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.executor.BatchResult;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;

/**
 * MyBatis 3 as a skilled user writes it: a mapper interface with its statements in XML, one {@link SqlSession} per
 * unit of work on a HikariCP pool like everyone's, a multi-row INSERT ... RETURNING for generated keys, the
 * BATCH executor for UPDATE and DELETE, the REUSE executor for one statement run many times, one LEFT JOIN mapped
 * by a nested result map for users with their addresses. The transaction factory leaves auto-commit alone when a
 * session closes ({@code skipSetAutoCommitOnClose}): the pool's connections are not auto-commit and stay so.
 */
public final class MybatisContender implements Contender {

    /** Rows per multi-row INSERT. */
    private static final int INSERT_ROWS = 500;

    private final HikariDataSource pool;
    private final SqlSessionFactory factory;

    /** @param db the database */
    public MybatisContender(BenchDatabase db) {
        this.pool = db.newPool();
        JdbcTransactionFactory transactions = new JdbcTransactionFactory();
        Properties p = new Properties();
        p.setProperty("skipSetAutoCommitOnClose", "true");
        transactions.setProperties(p);
        Configuration configuration = new Configuration(new Environment("bench", transactions, pool));
        configuration.setLocalCacheScope(org.apache.ibatis.session.LocalCacheScope.STATEMENT);
        String resource = "dev/alchemy/bench/mybatis/UserMapper.xml";
        try (InputStream in = MybatisContender.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            new XMLMapperBuilder(in, configuration, resource, configuration.getSqlFragments()).parse();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.factory = new SqlSessionFactoryBuilder().build(configuration);
    }

    @Override
    public long insertUsers(int n, String prefix) {
        List<UserRecord> users = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            users.add(new UserRecord(null, prefix + i, prefix + i + "@example.com"));
        }
        try (SqlSession session = factory.openSession(ExecutorType.REUSE)) {
            UserMapper mapper = session.getMapper(UserMapper.class);
            for (int from = 0; from < n; from += INSERT_ROWS) {
                List<UserRecord> rows = users.subList(from, Math.min(n, from + INSERT_ROWS));
                List<Integer> ids = mapper.insertAll(rows);
                if (ids.size() != rows.size()) {
                    throw new IllegalStateException(ids.size() + " keys for " + rows.size() + " rows");
                }
                for (int i = 0; i < ids.size(); i++) {
                    rows.get(i).id = ids.get(i);
                }
            }
            // forced: MyBatis commits on its own only after an <insert>, <update> or <delete>
            session.commit(true);
        }
        long sum = 0;
        for (UserRecord u : users) {
            sum += u.id;
        }
        return sum;
    }

    @Override
    public int loadAllUsers() {
        try (SqlSession session = factory.openSession()) {
            int n = session.getMapper(UserMapper.class).findAll().size();
            session.commit(true);
            return n;
        }
    }

    @Override
    public long lookups(int[] ids) {
        long sum = 0;
        for (int id : ids) {
            try (SqlSession session = factory.openSession()) {
                UserRecord user = session.getMapper(UserMapper.class).findById(id);
                session.commit(true);
                if (user != null) {
                    sum += user.id;
                }
            }
        }
        return sum;
    }

    @Override
    public int updateEmails(int n, String tag) {
        try (SqlSession session = factory.openSession(ExecutorType.BATCH)) {
            UserMapper mapper = session.getMapper(UserMapper.class);
            List<UserRecord> users = mapper.findFirst(n);
            for (UserRecord u : users) {
                u.email = tag + "-" + u.id + "@example.com";
                mapper.updateEmail(u);
            }
            session.flushStatements();
            session.commit();
            return users.size();
        }
    }

    @Override
    public long queriesByName(String[] names) {
        long sum = 0;
        try (SqlSession session = factory.openSession(ExecutorType.REUSE)) {
            UserMapper mapper = session.getMapper(UserMapper.class);
            for (String name : names) {
                UserRecord u = mapper.findByName(name);
                if (u != null) {
                    sum += u.id;
                }
            }
            session.commit(true);
        }
        return sum;
    }

    @Override
    public int loadUsersWithAddresses() {
        List<UserRecord> users;
        try (SqlSession session = factory.openSession()) {
            users = session.getMapper(UserMapper.class).findAllWithAddresses();
            session.commit(true);
        }
        int addresses = 0;
        for (UserRecord u : users) {
            addresses += u.addresses.size();
        }
        return addresses;
    }

    @Override
    public int loadAndDeleteUsers() {
        try (SqlSession session = factory.openSession(ExecutorType.BATCH)) {
            UserMapper mapper = session.getMapper(UserMapper.class);
            List<UserRecord> users = mapper.findAll();
            for (UserRecord u : users) {
                mapper.deleteById(u.id);
            }
            int deleted = 0;
            for (BatchResult batch : session.flushStatements()) {
                for (int count : batch.getUpdateCounts()) {
                    deleted += count;
                }
            }
            session.commit();
            return deleted;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
