package dev.alchemy.reliability.web;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Table;
import org.jspecify.annotations.Nullable;

/** A board that posts are added to; each post also increments its counter. */
@Table(name = "boards")
public class Board {
    @Column(primaryKey = true, autoincrement = Column.Autoincrement.FALSE)
    public @Nullable Integer id;

    @Column(nullable = false)
    public @Nullable Integer posts;

    public Board() {}

    public Board(int id) {
        this.id = id;
        this.posts = 0;
    }
}
