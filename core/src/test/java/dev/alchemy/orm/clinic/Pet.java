package dev.alchemy.orm.clinic;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.ForeignKey;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Table;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A pet, of one owner, with one type and its visits. */
@Table(name = "pets")
public class Pet extends NamedEntity {
    @Column
    @ForeignKey("types.id")
    private @Nullable Integer typeId;

    @Column
    @ForeignKey("owners.id")
    private @Nullable Integer ownerId;

    @Relationship
    private @Nullable PetType type;

    @Relationship(backPopulates = "pets")
    private @Nullable Owner owner;

    @Relationship(backPopulates = "pet", cascade = "all, delete-orphan")
    private List<Visit> visits = new ArrayList<>();

    public @Nullable PetType getType() {
        return type;
    }

    public void setType(@Nullable PetType type) {
        this.type = type;
    }

    public @Nullable Owner getOwner() {
        return owner;
    }

    public void setOwner(@Nullable Owner owner) {
        this.owner = owner;
    }

    public List<Visit> getVisits() {
        return visits;
    }

    public void addVisit(Visit visit) {
        visits.add(visit);
        visit.setPet(this);
    }
}
