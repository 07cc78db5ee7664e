package dev.alchemy.boot.autoconfigure.observation;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Table;
import org.jspecify.annotations.Nullable;

/** A model whose flushes and queries are observed. */
@Table(name = "meter")
public class Meter {
    @Column(primaryKey = true)
    public @Nullable Integer id;

    @Column(nullable = false, unique = true)
    public @Nullable String serial;

    /** For the session. */
    public Meter() {}

    Meter(String serial) {
        this.serial = serial;
    }
}
