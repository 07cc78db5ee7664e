package dev.alchemy.boot.autoconfigure.slice;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Table;

/** A model of the sliced application. */
@Table(name = "memo")
public class Memo {
    @Column(primaryKey = true)
    public Integer id;

    @Column(nullable = false)
    public String body;

    /** For the session. */
    public Memo() {}

    Memo(String body) {
        this.body = body;
    }
}
