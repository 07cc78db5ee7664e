package dev.alchemy.boot.autoconfigure.reliability;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Table;
import org.jspecify.annotations.Nullable;

/** A note on a document: added by a request that first reads the document, then inserts. */
@Table(name = "notes")
public class Note {
    @Column(primaryKey = true)
    public @Nullable Integer id;

    @Column(nullable = false)
    public @Nullable Integer document;

    @Column(nullable = false)
    public @Nullable String text;

    public Note() {}

    public Note(int document, String text) {
        this.document = document;
        this.text = text;
    }
}
