package dev.alchemy.orm.inherit.selectin;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Polymorphic;
import dev.alchemy.orm.Table;

/** The base of a joined-table hierarchy with a two-column key, whose Express subclass loads by selectin. */
@Table(name = "parcel")
@Polymorphic(
        on = "kind",
        identity = "parcel",
        subclasses = {Express.class})
public class Parcel {
    @Column(primaryKey = true, length = 10)
    public String region;

    @Column(primaryKey = true)
    public Integer number;

    @Column(length = 20)
    public String kind;

    @Column(length = 50, nullable = false)
    public String label;

    public Parcel() {}

    public Parcel(String region, Integer number, String label) {
        this.region = region;
        this.number = number;
        this.label = label;
    }
}
