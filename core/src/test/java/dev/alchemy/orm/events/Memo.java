package dev.alchemy.orm.events;

import dev.alchemy.engine.Connection;
import dev.alchemy.orm.AfterDelete;
import dev.alchemy.orm.AfterInsert;
import dev.alchemy.orm.AfterLoad;
import dev.alchemy.orm.AfterRefresh;
import dev.alchemy.orm.AfterUpdate;
import dev.alchemy.orm.BeforeDelete;
import dev.alchemy.orm.BeforeInsert;
import dev.alchemy.orm.BeforeUpdate;
import dev.alchemy.orm.Column;
import dev.alchemy.orm.Table;
import java.util.Locale;

/** A model with JPA-style annotated callbacks. */
@Table(name = "memos")
public class Memo extends CallbackBase {
    @Column(primaryKey = true)
    public Integer id;

    @Column(length = 50)
    public String text;

    @Column(length = 50)
    public String slug;

    @Column
    public Integer edits = 0;

    public Memo() {}

    public Memo(String text) {
        this.text = text;
    }

    @BeforeInsert
    void slugify() {
        slug = text.toLowerCase(Locale.ROOT).replace(' ', '-');
        CALLS.add("beforeInsert " + text);
    }

    @AfterInsert
    void inserted() {
        CALLS.add("afterInsert " + id);
    }

    @BeforeUpdate
    private void countEdit(Connection connection) {
        edits++;
        slug = text.toLowerCase(Locale.ROOT).replace(' ', '-');
        CALLS.add("beforeUpdate " + text + (connection != null ? " (with connection)" : ""));
    }

    @AfterUpdate
    void updated() {
        CALLS.add("afterUpdate " + text);
    }

    @BeforeDelete
    void deleting() {
        CALLS.add("beforeDelete " + text);
    }

    @AfterDelete
    void deleted() {
        CALLS.add("afterDelete " + text);
    }

    @AfterLoad
    void loaded() {
        CALLS.add("load " + text);
    }

    @AfterRefresh
    void refreshed() {
        CALLS.add("refresh " + text);
    }
}
