package dev.alchemy.boot.autoconfigure.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.boot.autoconfigure.data.OwnerRepository.CityCount;
import dev.alchemy.boot.autoconfigure.data.OwnerRepository.OwnerName;
import dev.alchemy.orm.Session;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Data repositories of a PetClinic-shaped application (entities with a {@code BaseEntity}/{@code Person}
 * superclass chain) on an SQLite file: CRUD, derived queries, paging, {@code @Query}, and {@code save()} of objects
 * loaded in an earlier transaction. {@link PostgresqlRepositoriesTest} runs the same tests on PostgreSQL.
 */
@SpringBootTest(classes = PetClinicApp.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RepositoriesTest {

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("alchemy.url", () -> "sqlite:///" + dir.resolve("petclinic.db"));
    }

    @Autowired
    OwnerRepository owners;

    @Autowired
    PetRepository pets;

    @Autowired
    Owners ownersAsDocumented;

    @Autowired
    Session session;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    Owner george;
    Owner betty;
    Owner eduardo;
    Owner harold;
    Owner peter;

    @BeforeEach
    void petclinicOwners() {
        jdbc.update("DELETE FROM pets");
        jdbc.update("DELETE FROM owners");
        george = new Owner("George", "Franklin", "Madison", "6085551023");
        george.addPet(new Pet("Leo", LocalDate.of(2010, 9, 7)));
        betty = new Owner("Betty", "Davis", "Sun Prairie", "6085551749");
        betty.addPet(new Pet("Basil", LocalDate.of(2012, 8, 6)));
        eduardo = new Owner("Eduardo", "Rodriquez", "McFarland", null);
        eduardo.addPet(new Pet("Rosy", LocalDate.of(2011, 4, 17)));
        eduardo.addPet(new Pet("Jewel", LocalDate.of(2010, 3, 7)));
        harold = new Owner("Harold", "Davis", "Windsor", "6085553198");
        peter = new Owner("Peter", "McTavish", "Madison", "6085552765");
        owners.saveAll(List.of(george, betty, eduardo, harold, peter));
    }

    @Test
    void theGuidesRepository() {
        Owners owners = ownersAsDocumented;
        // tag::use[]
        Page<Owner> page = owners.findByLastNameStartingWith("Da", PageRequest.of(0, 5, Sort.by("firstName")));
        Owner betty = page.getContent().get(0); // page.getTotalElements() is 2: Betty and Harold Davis
        betty.setCity("Monona"); // her transaction ended with the call: she is detached
        betty = owners.save(betty); // merged: the UPDATE is written when save's transaction commits
        Owner withPets = owners.findWithPetsById(betty.getId()).orElseThrow();
        List<Pet> pets = withPets.getPets(); // loaded with her, in one more SELECT
        // end::use[]
        assertThat(page.getTotalElements()).isEqualTo(2);
        assertThat(pets).extracting(Pet::getName).containsExactly("Basil");
        assertThat(owners.inCity("MONONA")).extracting(Owner::getFirstName).containsExactly("Betty");
        assertThat(owners.countByCity("Monona")).isEqualTo(1);
    }

    @Test
    void saveOfANewObjectSetsItsGeneratedKeyAndCascadesToItsPets() {
        assertThat(george.getId()).isNotNull();
        assertThat(owners.count()).isEqualTo(5);
        assertThat(pets.count()).isEqualTo(4);
        assertThat(owners.findById(george.getId()))
                .get()
                .extracting(Owner::getLastName)
                .isEqualTo("Franklin");
        assertThat(owners.existsById(george.getId())).isTrue();
        assertThat(owners.existsById(-1)).isFalse();
        assertThat(owners.findById(-1)).isEmpty();
    }

    @Test
    void findByLastNameStartingWithPagesWithTheCountOnlyWhenNeeded() {
        Page<Owner> page = owners.findByLastNameStartingWith("Da", PageRequest.of(0, 1, Sort.by("firstName")));
        assertThat(page.getContent()).extracting(Owner::getFirstName).containsExactly("Betty");
        assertThat(page.getTotalElements()).isEqualTo(2);
        assertThat(page.getTotalPages()).isEqualTo(2);
        Page<Owner> second = owners.findByLastNameStartingWith("Da", page.nextPageable());
        assertThat(second.getContent()).extracting(Owner::getFirstName).containsExactly("Harold");
        assertThat(second.isLast()).isTrue();

        Page<Owner> all = owners.findByLastNameStartingWith("", PageRequest.of(0, 10, Sort.by("lastName", "id")));
        assertThat(all.getTotalElements()).isEqualTo(5);
        assertThat(all.getContent())
                .extracting(Owner::getLastName)
                .containsExactly("Davis", "Davis", "Franklin", "McTavish", "Rodriquez");
        assertThat(owners.findByLastNameStartingWith("Zz", Pageable.unpaged()).getContent())
                .isEmpty();
    }

    @Test
    void startingWithMatchesWildcardsLiterally() {
        harold.setLastName("Da%vis");
        owners.save(harold);
        assertThat(owners.findByLastNameStartingWith("Da%", Pageable.unpaged()).getContent())
                .extracting(Owner::getFirstName)
                .containsExactly("Harold");
        assertThat(owners.findByLastNameStartingWithIgnoreCaseOrderById("da%"))
                .extracting(Owner::getFirstName)
                .containsExactly("Harold");
        assertThat(owners.findByLastNameStartingWithIgnoreCaseOrderById("DA"))
                .extracting(Owner::getFirstName)
                .containsExactly("Betty", "Harold");
    }

    @Test
    void derivedConditions() {
        assertThat(idsOf(owners.findByCityAndLastNameOrderByFirstNameAsc("Madison", "Franklin")))
                .containsExactly(george.getId());
        assertThat(idsOf(owners.findByFirstNameOrLastNameOrderByIdAsc("Betty", "McTavish")))
                .containsExactly(betty.getId(), peter.getId());
        assertThat(idsOf(owners.findByIdBetweenOrderById(betty.getId(), harold.getId())))
                .containsExactly(betty.getId(), eduardo.getId(), harold.getId());
        assertThat(idsOf(owners.findByIdInOrderById(List.of(peter.getId(), george.getId()))))
                .containsExactly(george.getId(), peter.getId());
        assertThat(owners.findByIdInOrderById(List.of())).isEmpty();
        assertThat(idsOf(owners.findByIdNotIn(
                        List.of(george.getId(), betty.getId()), Sort.by("id").descending())))
                .containsExactly(peter.getId(), harold.getId(), eduardo.getId());
        assertThat(idsOf(owners.findByIdLessThanEqualOrderById(betty.getId())))
                .containsExactly(george.getId(), betty.getId());
        assertThat(idsOf(owners.findByIdGreaterThanOrderByIdDesc(eduardo.getId())))
                .containsExactly(peter.getId(), harold.getId());
        assertThat(idsOf(owners.findByTelephoneIsNull())).containsExactly(eduardo.getId());
        assertThat(idsOf(owners.findByTelephoneIsNotNullOrderById()))
                .containsExactly(george.getId(), betty.getId(), harold.getId(), peter.getId());
        assertThat(idsOf(owners.findByTelephone(null))).containsExactly(eduardo.getId());
        assertThat(idsOf(owners.findByLastNameIgnoreCase("DAVIS")))
                .containsExactlyInAnyOrder(betty.getId(), harold.getId());
        assertThat(idsOf(owners.findByLastNameContainingOrderById("a")))
                .containsExactly(george.getId(), betty.getId(), harold.getId(), peter.getId());
        assertThat(idsOf(owners.findByLastNameEndingWithOrderById("is")))
                .containsExactly(betty.getId(), harold.getId());
        assertThat(idsOf(owners.findByLastNameLikeOrderById("%a_i%")))
                .containsExactly(betty.getId(), harold.getId(), peter.getId());
        assertThat(idsOf(owners.findByCityNot("Madison")))
                .containsExactlyInAnyOrder(betty.getId(), eduardo.getId(), harold.getId());
    }

    @Test
    void countExistsAndTop() {
        assertThat(owners.countByCity("Madison")).isEqualTo(2);
        assertThat(owners.countByLastNameStartingWith("Da")).isEqualTo(2);
        assertThat(owners.existsByTelephone("6085551749")).isTrue();
        assertThat(owners.existsByTelephone("000")).isFalse();
        assertThat(idsOf(owners.findFirstByOrderByLastNameDesc())).contains(eduardo.getId());
        assertThat(owners.findTopByCityOrderByFirstNameAsc("Madison").getId()).isEqualTo(george.getId());
        assertThat(idsOf(owners.findTop2ByCityOrderByFirstNameAsc("Madison")))
                .containsExactly(george.getId(), peter.getId());
        assertThat(idsOf(owners.findByTelephoneAndCity("6085551023", "Madison")))
                .contains(george.getId());
        assertThat(owners.findByTelephoneAndCity("6085551023", "Windsor")).isEmpty();
    }

    @Test
    void aSingleResultMethodThatMatchesSeveralRowsFails() {
        owners.save(new Owner("Jean", "Coleman", "Monona", "6085552654"));
        owners.save(new Owner("Jeff", "Black", "Monona", "6085552654"));
        assertThatThrownBy(() -> owners.findByTelephoneAndCity("6085552654", "Monona"))
                .isInstanceOf(IncorrectResultSizeDataAccessException.class);
    }

    @Test
    void sliceAndStream() {
        Slice<Owner> first = owners.findByCityOrderByFirstName("Madison", PageRequest.of(0, 1));
        assertThat(idsOf(first.getContent())).containsExactly(george.getId());
        assertThat(first.hasNext()).isTrue();
        Slice<Owner> second = owners.findByCityOrderByFirstName("Madison", first.nextPageable());
        assertThat(idsOf(second.getContent())).containsExactly(peter.getId());
        assertThat(second.hasNext()).isFalse();
        try (Stream<Owner> stream = owners.streamByCityOrderByFirstName("Madison")) {
            assertThat(idsOf(stream)).containsExactly(george.getId(), peter.getId());
        }
    }

    @Test
    void conditionsFollowRelationships() {
        assertThat(idsOf(owners.findByPetsNameOrderById("Jewel"))).containsExactly(eduardo.getId());
        assertThat(idsOf(owners.findByPetsIsEmptyOrderById())).containsExactly(harold.getId(), peter.getId());
        assertThat(idsOf(owners.findDistinctByPetsNameStartingWith("")))
                .containsExactlyInAnyOrder(george.getId(), betty.getId(), eduardo.getId());
        assertThat(pets.findByOwnerLastNameOrderByName("Rodriquez"))
                .extracting(Pet::getName)
                .containsExactly("Jewel", "Rosy");
    }

    @Test
    void projectionsAndLoadOptions() {
        List<OwnerName> names = owners.findByCityOrderByLastNameAsc("Madison");
        assertThat(names).extracting(OwnerName::getLastName).containsExactly("Franklin", "McTavish");
        List<Owner> loaded = owners.findByCityOrderById("Madison");
        // loaded by selectin in the repository call's transaction: readable after it ended
        assertThat(loaded.get(0).getPets()).extracting(Pet::getName).containsExactly("Leo");
        assertThat(loaded.get(1).getPets()).isEmpty();
    }

    @Test
    void deleteByIsOneBulkStatementAndRemoveByLoadsAndCascades() {
        assertThat(owners.deleteByCity("Windsor")).isEqualTo(1);
        assertThat(owners.existsById(harold.getId())).isFalse();
        List<Owner> removed = owners.removeByLastName("Rodriquez");
        assertThat(removed).extracting(Owner::getFirstName).containsExactly("Eduardo");
        assertThat(pets.count()).isEqualTo(2); // the cascade deleted Rosy and Jewel
    }

    @Test
    void declaredQueries() {
        Page<Owner> page = owners.inCity(
                "Madison", PageRequest.of(0, 1, Sort.by("firstName").descending()));
        assertThat(idsOf(page.getContent())).containsExactly(peter.getId());
        assertThat(page.getTotalElements()).isEqualTo(2);
        assertThat(owners.lastNamesIn("Madison")).containsExactly("Franklin", "McTavish");
        assertThat(idsOf(owners.ownersInCityByFirstNameDesc("Madison"))).containsExactly(peter.getId(), george.getId());
        assertThat(owners.ownersPerCity()).contains(new CityCount("Madison", 2), new CityCount("Windsor", 1));
        assertThat(owners.howManyIn("Madison")).isEqualTo(2);
        assertThat(owners.moveCity("Madison", "Monona")).isEqualTo(2);
        assertThat(owners.countByCity("Monona")).isEqualTo(2);
    }

    @Test
    void sortingByAnUnknownPropertySaysWhichOnesExist() {
        assertThatThrownBy(() -> owners.findAll(Sort.by("surname")))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessageContaining("surname");
    }

    @Test
    void findAllPagedSortedAndById() {
        Page<Owner> page = owners.findAll(PageRequest.of(1, 2, Sort.by("id")));
        assertThat(idsOf(page.getContent())).containsExactly(eduardo.getId(), harold.getId());
        assertThat(page.getTotalElements()).isEqualTo(5);
        assertThat(owners.findAll(Sort.by(Sort.Order.desc("firstName"))).get(0).getId())
                .isEqualTo(peter.getId());
        assertThat(idsOf(owners.findAllById(List.of(george.getId(), peter.getId()))))
                .containsExactlyInAnyOrder(george.getId(), peter.getId());
    }

    @Test
    void saveOfAnObjectLoadedInAnEarlierTransactionMergesIt() {
        Owner loaded = owners.findById(george.getId()).orElseThrow(); // its transaction has ended: detached
        loaded.setTelephone("6085550000");
        Owner saved = owners.save(loaded);
        assertThat(saved.getId()).isEqualTo(george.getId());
        assertThat(jdbc.queryForObject("SELECT telephone FROM owners WHERE id = ?", String.class, george.getId()))
                .isEqualTo("6085550000");
    }

    @Test
    void saveOfADetachedGraphHoldingASecondCopyOfTheSameRowWorks() {
        // PetClinic's pet form: the pet was loaded in an earlier request, and the owner converter loaded the owner
        // again, so the graph holds two copies of one row; add() refuses that, save() merges.
        Pet leo = pets.findByOwnerLastNameOrderByName("Franklin").get(0);
        Owner again = owners.findById(george.getId()).orElseThrow();
        leo.setOwner(again);
        leo.setName("Leonardo");
        pets.save(leo);
        assertThat(jdbc.queryForObject("SELECT name FROM pets WHERE id = ?", String.class, leo.getId()))
                .isEqualTo("Leonardo");
        assertThat(pets.count()).isEqualTo(4);
    }

    @Test
    void aNewPetForALoadedOwnerIsInserted() {
        Owner loaded = owners.findById(harold.getId()).orElseThrow();
        Pet max = new Pet("Max", LocalDate.of(2020, 1, 1));
        max.setOwner(loaded);
        Pet saved = pets.save(max);
        assertThat(saved.getId()).isNotNull();
        assertThat(idsOf(owners.findByPetsNameOrderById("Max"))).containsExactly(harold.getId());
    }

    @Test
    void deleteOfADetachedObjectAndDeleteById() {
        Owner loaded = owners.findById(peter.getId()).orElseThrow();
        owners.delete(loaded);
        assertThat(owners.existsById(peter.getId())).isFalse();
        owners.deleteById(harold.getId());
        owners.deleteById(-1); // no row: nothing happens, as in Spring Data JPA
        assertThat(owners.count()).isEqualTo(3);
        owners.delete(new Owner("Never", "Saved", "Nowhere", null));
        Owner lonely = owners.save(new Owner("No", "Pets", "Monona", null));
        owners.deleteAllByIdInBatch(List.of(lonely.getId())); // one DELETE: no cascade, so an owner without pets
        assertThat(owners.count()).isEqualTo(3);
        owners.deleteAll();
        assertThat(owners.count()).isZero();
        assertThat(pets.count()).isZero();
    }

    @Test
    void inATransactionSaveReturnsTheSameObjectAndChangesFlushAtCommit() {
        transactions.executeWithoutResult(status -> {
            Owner loaded = owners.findById(betty.getId()).orElseThrow();
            loaded.setCity("Monona");
            assertThat(owners.save(loaded)).isSameAs(loaded);
            assertThat(owners.countByCity("Monona")).isEqualTo(1); // autoflush before the query
        });
        assertThat(owners.findById(betty.getId()))
                .get()
                .extracting(Owner::getCity)
                .isEqualTo("Monona");
    }

    @Test
    void equalityIsByIdentityInOneTransaction() {
        transactions.executeWithoutResult(status -> {
            Optional<Owner> a = owners.findById(george.getId());
            List<Owner> b = owners.findByCityAndLastNameOrderByFirstNameAsc("Madison", "Franklin");
            assertThat(b.get(0)).isSameAs(a.orElseThrow()); // one object per row in a session
        });
    }

    /** The keys of owners: objects from different transactions are different objects, as in JPA. */
    static List<@Nullable Integer> idsOf(Iterable<? extends BaseEntity> entities) {
        List<@Nullable Integer> ids = new java.util.ArrayList<>();
        entities.forEach(e -> ids.add(e.getId()));
        return ids;
    }

    static List<@Nullable Integer> idsOf(Optional<? extends BaseEntity> entity) {
        return idsOf(entity.stream().toList());
    }

    static List<@Nullable Integer> idsOf(Stream<? extends BaseEntity> entities) {
        return idsOf(entities.toList());
    }
}
