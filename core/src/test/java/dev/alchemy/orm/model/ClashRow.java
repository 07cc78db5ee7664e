package dev.alchemy.orm.model;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Table;

/** A model with a column named as a flush names the key's WHERE parameter ({@code pk_id}). */
@Table(name = "clash_rows")
public class ClashRow {
    @Column(primaryKey = true)
    public Integer id;

    @Column(name = "pk_id")
    public Integer pkId;

    public ClashRow() {}

    public ClashRow(int id, int pkId) {
        this.id = id;
        this.pkId = pkId;
    }
}
