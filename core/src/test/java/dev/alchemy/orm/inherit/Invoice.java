package dev.alchemy.orm.inherit;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Table;
import dev.alchemy.orm.inherit.entity.BaseEntity;

/** A model whose key, timestamp and version come from an unmapped superclass in another package. */
@Table(name = "invoice")
public class Invoice extends BaseEntity {
    @Column(length = 20)
    private String number;

    public Invoice() {}

    public Invoice(String number) {
        this.number = number;
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }
}
