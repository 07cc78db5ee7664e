package dev.alchemy.orm.events;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Table;
import java.time.LocalDateTime;

@Table(name = "notes")
public class Note implements Stamped {
    @Column(primaryKey = true)
    public Integer id;

    @Column(length = 50)
    public String title;

    @Column
    public LocalDateTime createdAt;

    @Column
    public LocalDateTime updatedAt;

    public Note() {}

    public Note(String title) {
        this.title = title;
    }

    @Override
    public void created(LocalDateTime at) {
        createdAt = at;
    }

    @Override
    public void updated(LocalDateTime at) {
        updatedAt = at;
    }
}
