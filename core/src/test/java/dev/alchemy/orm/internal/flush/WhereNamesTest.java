package dev.alchemy.orm.internal.flush;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.orm.internal.mapping.Mapper;
import dev.alchemy.orm.model.Author;
import dev.alchemy.orm.model.ClashRow;
import dev.alchemy.orm.model.ClashVersioned;
import org.junit.jupiter.api.Test;

/**
 * The WHERE parameters of a flush's UPDATE and DELETE are named unlike every column of the table, so that no SET
 * parameter shares a name with them (ParameterNameClashTest shows the rows written; this shows the names, which the
 * rows alone cannot: the flush matches its parameters by the very strings it named them with first).
 */
class WhereNamesTest {

    @Test
    void aKeysParameterTakesANameNoColumnHas() {
        Mapper<ClashRow> mapper = Mapper.of(ClashRow.class);
        Persistence.WhereNames names = Persistence.WhereNames.of(mapper.table(), mapper, mapper.version);
        assertThat(names.keys).containsExactly("pk_id_1"); // the table has a column pk_id
        assertThat(names.version).isNull();
    }

    @Test
    void aVersionsParameterTakesANameNoColumnHas() {
        Mapper<ClashVersioned> mapper = Mapper.of(ClashVersioned.class);
        Persistence.WhereNames names = Persistence.WhereNames.of(mapper.table(), mapper, mapper.version);
        assertThat(names.keys).containsExactly("pk_id");
        assertThat(names.version).isEqualTo("version_version_1"); // the table has a column version_version
    }

    @Test
    void withoutAClashTheNamesAreThePlainOnesAndTheSameStringsEachTime() {
        Mapper<Author> mapper = Mapper.of(Author.class);
        Persistence.WhereNames first = Persistence.WhereNames.of(mapper.table(), mapper, mapper.version);
        Persistence.WhereNames second = Persistence.WhereNames.of(mapper.table(), mapper, mapper.version);
        assertThat(first.keys).containsExactly("pk_id");
        assertThat(first.version).isEqualTo("version_version");
        // a later flush names them with the strings its cached statement was compiled with
        assertThat(second.keys[0]).isSameAs(first.keys[0]);
        assertThat(second.version).isSameAs(first.version);
    }
}
