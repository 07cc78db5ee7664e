package dev.alchemy.boot.test.autoconfigure;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Table;
import org.jspecify.annotations.Nullable;

/** A model of the sliced application. */
@Table(name = "memo")
public class Memo {
    @Column(primaryKey = true)
    public @Nullable Integer id;

    @Column(nullable = false)
    public @Nullable String body;

    /** For the session. */
    public Memo() {}

    Memo(String body) {
        this.body = body;
    }
}
