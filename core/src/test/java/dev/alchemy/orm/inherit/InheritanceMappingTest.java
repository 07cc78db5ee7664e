package dev.alchemy.orm.inherit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.exc.MappingError;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.Column;
import dev.alchemy.orm.EntitySelect;
import dev.alchemy.orm.Polymorphic;
import dev.alchemy.orm.Table;
import dev.alchemy.orm.internal.mapping.Mapper;
import org.junit.jupiter.api.Test;

/** How a {@code @Polymorphic} hierarchy is declared, and the errors that name what is wrong with one. */
class InheritanceMappingTest {

    @Table(name = "shape")
    @Polymorphic(on = "kind", identity = "shape")
    static sealed class Shape permits Circle, Square {
        @Column(primaryKey = true)
        Integer id;

        @Column(length = 10)
        String kind;
    }

    @Polymorphic(identity = "circle")
    static final class Circle extends Shape {
        @Column
        Double radius;
    }

    @Polymorphic(identity = "square")
    static final class Square extends Shape {
        @Column
        Double side;
    }

    @Test
    void aSealedBaseListsItsSubclassesByItsPermitsClause() {
        assertThat(Base.of(Shape.class).models()).containsExactly(Shape.class, Circle.class, Square.class);
        assertThat(Mapper.of(Circle.class).identityType).isEqualTo(Shape.class);
        assertThat(EntitySelect.of(Circle.class).toString()).contains("WHERE shape.kind IN (");
        assertThat(EntitySelect.of(Shape.class).toString()).doesNotContain("WHERE");
    }

    @Table(name = "animal")
    @Polymorphic(on = "species", identity = "animal")
    static class Animal {
        @Column(primaryKey = true)
        Integer id;

        @Column
        String species;
    }

    @Polymorphic(identity = "dog")
    static class Dog extends Animal {}

    @Test
    void aSubclassTheBaseDoesNotListIsRefusedNamingTheFix() {
        assertThatThrownBy(() -> Mapper.of(Dog.class))
                .isInstanceOf(MappingError.class)
                .hasMessageContaining("Dog")
                .hasMessageContaining("@Polymorphic(subclasses = ...)");
    }

    @Table(name = "plant")
    @Polymorphic(on = "genus", identity = "plant", subclasses = Fern.class)
    static class Plant {
        @Column(primaryKey = true)
        Integer id;
    }

    @Polymorphic(identity = "fern")
    static class Fern extends Plant {}

    @Test
    void aDiscriminatorThatIsNoMappedAttributeIsRefused() {
        assertThatThrownBy(() -> Mapper.of(Plant.class))
                .isInstanceOf(MappingError.class)
                .hasMessageContaining("@Polymorphic(on = \"genus\") names no mapped attribute");
    }

    @Table(name = "car")
    @Polymorphic(on = "make", identity = "x", subclasses = Van.class)
    static class Car {
        @Column(primaryKey = true)
        Integer id;

        @Column
        String make;
    }

    @Polymorphic(identity = "x")
    static class Van extends Car {}

    @Test
    void anIdentityGivenTwiceIsRefused() {
        assertThatThrownBy(() -> Mapper.of(Van.class))
                .isInstanceOf(MappingError.class)
                .hasMessageContaining("identity = \"x\"")
                .hasMessageContaining("Car")
                .hasMessageContaining("Van");
    }

    @Polymorphic(identity = "orphan")
    static class Orphan {
        @Column(primaryKey = true)
        Integer id;
    }

    @Test
    void anIdentityWithoutABaseIsRefused() {
        assertThatThrownBy(() -> Mapper.of(Orphan.class))
                .isInstanceOf(MappingError.class)
                .hasMessageContaining("no superclass names the discriminator");
    }

    @Table(name = "truck")
    static class Truck extends Car {}

    @Test
    void aMappedSubclassOfAHierarchyWithoutPolymorphicIsRefused() {
        assertThatThrownBy(() -> Mapper.of(Truck.class))
                .isInstanceOf(MappingError.class)
                .hasMessageContaining("give it @Polymorphic(identity = \"...\")");
    }

    @Table(name = "vehicle")
    @Polymorphic(
            on = "type",
            identity = "vehicle",
            subclasses = {Bike.class, Boat.class})
    static class Vehicle {
        @Column(primaryKey = true)
        Integer id;

        @Column
        String type;
    }

    @Table(name = "bike")
    @Polymorphic(identity = "bike")
    static class Bike extends Vehicle {}

    @Polymorphic(identity = "boat")
    static class Boat extends Vehicle {}

    @Test
    void aHierarchyMixingSingleAndJoinedTableSubclassesIsRefused() {
        assertThatThrownBy(() -> Mapper.of(Boat.class))
                .isInstanceOf(MappingError.class)
                .hasMessageContaining("give every subclass a @Table, or none");
    }
}
