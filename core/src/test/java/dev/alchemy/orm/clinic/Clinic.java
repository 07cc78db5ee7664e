package dev.alchemy.orm.clinic;

import dev.alchemy.engine.Engine;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;

/** The clinic's schema and a small data set: two owners, three pets, three visits. */
final class Clinic {

    static final Base BASE = Base.of(Owner.class, Pet.class, PetType.class, Visit.class);

    private Clinic() {}

    /** Creates the tables and the data. */
    static SessionFactory create(Engine engine) {
        BASE.metadata().createAll(engine);
        SessionFactory sessions = new SessionFactory(engine);
        try (Session session = sessions.openSession()) {
            PetType cat = type("cat");
            PetType dog = type("dog");
            Owner davis = owner("Betty", "Davis", "Sun Prairie");
            Owner franklin = owner("George", "Franklin", "Madison");
            Pet leo = pet("Leo", cat);
            leo.addVisit(new Visit("rabies shot"));
            leo.addVisit(new Visit("neutered"));
            franklin.addPet(leo);
            Pet basil = pet("Basil", dog);
            basil.addVisit(new Visit("spayed"));
            davis.addPet(basil);
            davis.addPet(pet("Lucky", dog));
            session.addAll(java.util.List.of(cat, dog, davis, franklin));
            session.commit();
        }
        return sessions;
    }

    static PetType type(String name) {
        PetType t = new PetType();
        t.setName(name);
        return t;
    }

    static Owner owner(String first, String last, String city) {
        Owner o = new Owner();
        o.setFirstName(first);
        o.setLastName(last);
        o.setCity(city);
        return o;
    }

    static Pet pet(String name, PetType type) {
        Pet p = new Pet();
        p.setName(name);
        p.setType(type);
        return p;
    }
}
