package dev.alchemy.orm.inherit.selectin;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Loading;
import dev.alchemy.orm.Polymorphic;
import dev.alchemy.orm.Table;

/** Loaded by selectin, by both columns of its key. */
@Table(name = "express")
@Polymorphic(identity = "express", load = Loading.SELECTIN)
public class Express extends Parcel {
    @Column(nullable = false)
    public Integer hours;

    public Express() {}

    public Express(String region, Integer number, String label, int hours) {
        super(region, number, label);
        this.hours = hours;
    }
}
