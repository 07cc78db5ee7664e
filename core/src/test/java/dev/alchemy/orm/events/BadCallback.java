package dev.alchemy.orm.events;

import dev.alchemy.orm.BeforeInsert;
import dev.alchemy.orm.Column;
import dev.alchemy.orm.Table;

@Table(name = "bad_callbacks")
public class BadCallback {
    @Column(primaryKey = true)
    public Integer id;

    @BeforeInsert
    int touch(String what) {
        return 0;
    }
}
