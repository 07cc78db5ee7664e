package dev.alchemy.boot.autoconfigure.inheritance.joined;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Polymorphic;
import dev.alchemy.orm.Table;
import dev.alchemy.orm.Version;
import org.jspecify.annotations.Nullable;

/** The base of a joined-table hierarchy: a table per class, joined on the key. */
@Table(name = "vehicles")
@Polymorphic(
        on = "kind",
        identity = "vehicle",
        subclasses = {Car.class, SportsCar.class})
public class Vehicle {
    @Column(primaryKey = true)
    public @Nullable Long id;

    @Column(length = 20, nullable = false)
    public String plate = "";

    @Column(length = 20)
    public @Nullable String kind;

    @Version
    @Column
    public @Nullable Integer version;

    public Vehicle() {}

    public Vehicle(String plate) {
        this.plate = plate;
    }
}
