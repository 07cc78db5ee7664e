package dev.alchemy.docs.orm.inheritance;

// tag::base-entity[]
import dev.alchemy.orm.Column;
import dev.alchemy.orm.Version;
import java.time.LocalDateTime;

public abstract class BaseEntity { // no @Table: not a table of its own
    @Column(primaryKey = true)
    private Long id;

    @Column
    private LocalDateTime createdAt;

    @Version
    @Column
    private Long version;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(LocalDateTime createdAt) {
        this.createdAt = createdAt;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
// end::base-entity[]
