package dev.alchemy.boot.autoconfigure.criteria;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Table;
import org.jspecify.annotations.Nullable;

/** A tenant's note, deleted softly: a flag, not a DELETE. */
@Table(name = "tenant_notes")
public class Note {
    @Column(primaryKey = true)
    public @Nullable Long id;

    @Column(length = 20, nullable = false)
    public String tenant = "";

    @Column(length = 100, nullable = false)
    public String text = "";

    @Column(nullable = false)
    public boolean deleted;

    public Note() {}

    public Note(String tenant, String text) {
        this.tenant = tenant;
        this.text = text;
    }
}
