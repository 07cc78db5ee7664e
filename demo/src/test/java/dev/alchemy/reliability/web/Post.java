package dev.alchemy.reliability.web;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Table;
import org.jspecify.annotations.Nullable;

/** A post on a board. */
@Table(name = "posts")
public class Post {
    @Column(primaryKey = true)
    public @Nullable Integer id;

    @Column(nullable = false)
    public @Nullable Integer board;

    @Column(nullable = false)
    public @Nullable String text;

    public Post() {}

    public Post(int board, String text) {
        this.board = board;
        this.text = text;
    }
}
