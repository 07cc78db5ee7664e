package dev.alchemy.orm.inherit.entity;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Version;
import java.time.LocalDateTime;

/** A superclass that is no table (no {@code @Table}): its mapped fields belong to each model extending it. */
public abstract class BaseEntity {
    @Column(primaryKey = true)
    private Long id;

    @Column
    protected LocalDateTime createdAt;

    @Version
    @Column
    Long version;

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
}
