package dev.alchemy.boot.autoconfigure.reliability;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Table;
import dev.alchemy.orm.Version;
import org.jspecify.annotations.Nullable;

/** A document whose rows carry a version counter. */
@Table(name = "documents")
public class Document {
    @Column(primaryKey = true)
    public @Nullable Integer id;

    @Column(nullable = false)
    public @Nullable String body;

    @Version
    @Column
    public @Nullable Integer version;

    public Document() {}

    public Document(String body) {
        this.body = body;
    }
}
