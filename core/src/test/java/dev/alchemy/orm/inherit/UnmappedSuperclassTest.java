package dev.alchemy.orm.inherit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.engine.Engine;
import dev.alchemy.exc.StaleDataError;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.orm.internal.mapping.Mapper;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * Mapped fields inherited from a superclass that is no table (SQLAlchemy's mixin, JPA's @MappedSuperclass): they are
 * columns of each model's table and go through the generated row access like the model's own fields.
 */
@OnDatabases
class UnmappedSuperclassTest {

    @Parameter
    TestDatabase db;

    Engine engine;
    SessionFactory sessions;

    @BeforeEach
    void setUp() {
        engine = db.createEngine();
        Base.of(Invoice.class).metadata().createAll(engine);
        sessions = new SessionFactory(engine);
    }

    @AfterEach
    void tearDown() {
        db.reset();
    }

    @Test
    void inheritedFieldsAreColumnsReadAndWrittenByTheGeneratedRowAccess() {
        Mapper<Invoice> mapper = Mapper.of(Invoice.class);
        assertThat(mapper.attributes())
                .extracting(a -> a.columnName())
                .containsExactly("id", "created_at", "version", "number");
        assertThat(mapper.hasGeneratedAccess()).isTrue();
        assertThat(Mapper.isMapped(dev.alchemy.orm.inherit.entity.BaseEntity.class))
                .isFalse();
    }

    @Test
    void insertUpdateAndVersionCheckUseTheInheritedFields() {
        LocalDateTime now = LocalDateTime.of(2026, 12, 6, 3, 0);
        Long id;
        try (Session session = sessions.openSession()) {
            Invoice invoice = new Invoice("A-1");
            invoice.setCreatedAt(now);
            session.add(invoice);
            session.commit();
            id = invoice.getId();
            assertThat(id).isNotNull();
            assertThat(invoice.getVersion()).isEqualTo(1L);
        }
        try (Session session = sessions.openSession()) {
            Invoice invoice = session.get(Invoice.class, id);
            assertThat(invoice.getCreatedAt()).isEqualTo(now);
            invoice.setNumber("A-2");
            session.commit();
            assertThat(invoice.getVersion()).isEqualTo(2L);
        }
        try (Session session = sessions.openSession()) {
            Invoice invoice = session.get(Invoice.class, id);
            session.execute(dev.alchemy.Alchemy.text("UPDATE invoice SET version = 9"));
            invoice.setNumber("A-3");
            assertThatThrownBy(session::flush).isInstanceOf(StaleDataError.class);
        }
    }
}
