package dev.alchemy.boot.autoconfigure.inheritance.joined;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Polymorphic;
import dev.alchemy.orm.Table;

/** A sports car: a third table, joined to the car's. */
@Table(name = "sports_cars")
@Polymorphic(identity = "sports")
public class SportsCar extends Car {
    @Column(nullable = false)
    public int topSpeed;

    public SportsCar() {}

    public SportsCar(String plate, int topSpeed) {
        super(plate, 2);
        this.topSpeed = topSpeed;
    }
}
