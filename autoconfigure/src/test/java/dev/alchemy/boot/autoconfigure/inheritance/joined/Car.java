package dev.alchemy.boot.autoconfigure.inheritance.joined;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Polymorphic;
import dev.alchemy.orm.Table;

/** A car: its own table, whose key is also a foreign key to the vehicle's. */
@Table(name = "cars")
@Polymorphic(identity = "car")
public class Car extends Vehicle {
    @Column(nullable = false)
    public int seats;

    public Car() {}

    public Car(String plate, int seats) {
        super(plate);
        this.seats = seats;
    }
}
