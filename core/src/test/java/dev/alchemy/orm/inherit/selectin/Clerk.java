package dev.alchemy.orm.inherit.selectin;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Polymorphic;
import dev.alchemy.orm.Table;

/** Outer joined in a query of Staff (the default). */
@Table(name = "clerk")
@Polymorphic(identity = "clerk")
public class Clerk extends Staff {
    @Column(length = 10)
    public String desk;

    public Clerk() {}

    public Clerk(String name, String desk) {
        super(name);
        this.desk = desk;
    }
}
