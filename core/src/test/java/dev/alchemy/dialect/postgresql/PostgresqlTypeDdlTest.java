package dev.alchemy.dialect.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.types.SqlTypes;
import org.junit.jupiter.api.Test;

/** PostgreSQL's DDL names for the standard types, as SQLAlchemy's PostgreSQL dialect renders them (reference §1.3). */
class PostgresqlTypeDdlTest {

    enum Color {
        red,
        green,
        blue
    }

    private final PostgresqlDialect dialect = new PostgresqlDialect();

    @Test
    void typesRenderAsSqlalchemysPostgresqlDialect() {
        assertThat(dialect.ddlType(SqlTypes.INTEGER)).isEqualTo("INTEGER");
        assertThat(dialect.ddlType(SqlTypes.BIGINT)).isEqualTo("BIGINT");
        assertThat(dialect.ddlType(SqlTypes.SMALLINT)).isEqualTo("SMALLINT");
        assertThat(dialect.ddlType(SqlTypes.VARCHAR)).isEqualTo("VARCHAR");
        assertThat(dialect.ddlType(SqlTypes.string(50))).isEqualTo("VARCHAR(50)");
        assertThat(dialect.ddlType(SqlTypes.TEXT)).isEqualTo("TEXT");
        assertThat(dialect.ddlType(SqlTypes.BOOLEAN)).isEqualTo("BOOLEAN");
        assertThat(dialect.ddlType(SqlTypes.FLOAT)).isEqualTo("FLOAT");
        assertThat(dialect.ddlType(SqlTypes.floatType(53))).isEqualTo("FLOAT(53)");
        assertThat(dialect.ddlType(SqlTypes.DOUBLE)).isEqualTo("DOUBLE PRECISION");
        assertThat(dialect.ddlType(SqlTypes.numeric(10, 2))).isEqualTo("NUMERIC(10, 2)");
        assertThat(dialect.ddlType(SqlTypes.DATE)).isEqualTo("DATE");
        assertThat(dialect.ddlType(SqlTypes.DATETIME)).isEqualTo("TIMESTAMP WITHOUT TIME ZONE");
        assertThat(dialect.ddlType(SqlTypes.DATETIME_TZ)).isEqualTo("TIMESTAMP WITH TIME ZONE");
        assertThat(dialect.ddlType(SqlTypes.DATETIME_TZ_INSTANT)).isEqualTo("TIMESTAMP WITH TIME ZONE");
        assertThat(dialect.ddlType(SqlTypes.TIME)).isEqualTo("TIME WITHOUT TIME ZONE");
        assertThat(dialect.ddlType(SqlTypes.LARGE_BINARY)).isEqualTo("BYTEA");
        assertThat(dialect.ddlType(SqlTypes.UUID)).isEqualTo("UUID");
        // deliberate differences from SQLAlchemy: JSONB instead of JSON, VARCHAR(n) instead of a native ENUM type
        assertThat(dialect.ddlType(SqlTypes.JSON)).isEqualTo("JSONB");
        assertThat(dialect.ddlType(SqlTypes.enumOf(Color.class))).isEqualTo("VARCHAR(5)");
        assertThat(dialect.ddlType(
                        SqlTypes.converted(SqlTypes.UUID, String.class, java.util.UUID::fromString, Object::toString)))
                .isEqualTo("UUID");
    }
}
