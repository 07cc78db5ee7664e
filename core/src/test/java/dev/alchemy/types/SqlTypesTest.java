package dev.alchemy.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.exc.ArgumentError;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The standard types' names and the type chosen for each Java class. */
class SqlTypesTest {

    enum Color {
        red,
        green,
        blue
    }

    enum WithBody {
        A {
            @Override
            public String toString() {
                return "a";
            }
        },
        LONGER
    }

    enum Empty {}

    @Test
    void forJavaTypeChoosesWhatSqlalchemyWould() {
        assertThat(SqlTypes.forJavaType(Integer.class)).isEqualTo(SqlTypes.INTEGER);
        assertThat(SqlTypes.forJavaType(int.class)).isEqualTo(SqlTypes.INTEGER);
        assertThat(SqlTypes.forJavaType(Long.class)).isEqualTo(SqlTypes.BIGINT);
        assertThat(SqlTypes.forJavaType(long.class)).isEqualTo(SqlTypes.BIGINT);
        assertThat(SqlTypes.forJavaType(Short.class)).isEqualTo(SqlTypes.SMALLINT);
        assertThat(SqlTypes.forJavaType(short.class)).isEqualTo(SqlTypes.SMALLINT);
        assertThat(SqlTypes.forJavaType(String.class)).isEqualTo(SqlTypes.VARCHAR);
        assertThat(SqlTypes.forJavaType(Boolean.class)).isEqualTo(SqlTypes.BOOLEAN);
        assertThat(SqlTypes.forJavaType(boolean.class)).isEqualTo(SqlTypes.BOOLEAN);
        assertThat(SqlTypes.forJavaType(Double.class)).isEqualTo(SqlTypes.FLOAT);
        assertThat(SqlTypes.forJavaType(double.class)).isEqualTo(SqlTypes.FLOAT);
        assertThat(SqlTypes.forJavaType(Float.class)).isEqualTo(new FloatType<>(Float.class, null));
        assertThat(SqlTypes.forJavaType(float.class).javaType()).isEqualTo(Float.class);
        assertThat(SqlTypes.forJavaType(BigDecimal.class)).isEqualTo(SqlTypes.NUMERIC);
        assertThat(SqlTypes.forJavaType(LocalDate.class)).isEqualTo(SqlTypes.DATE);
        assertThat(SqlTypes.forJavaType(LocalDateTime.class)).isEqualTo(SqlTypes.DATETIME);
        assertThat(SqlTypes.forJavaType(OffsetDateTime.class)).isEqualTo(SqlTypes.DATETIME_TZ);
        assertThat(SqlTypes.forJavaType(Instant.class)).isEqualTo(SqlTypes.DATETIME_TZ_INSTANT);
        assertThat(SqlTypes.forJavaType(LocalTime.class)).isEqualTo(SqlTypes.TIME);
        assertThat(SqlTypes.forJavaType(byte[].class)).isEqualTo(SqlTypes.LARGE_BINARY);
        assertThat(SqlTypes.forJavaType(UUID.class)).isEqualTo(SqlTypes.UUID);
        assertThat(SqlTypes.forJavaType(Color.class)).isEqualTo(SqlTypes.enumOf(Color.class));
        assertThat(SqlTypes.forJavaType(WithBody.A.getClass())).isEqualTo(SqlTypes.enumOf(WithBody.class));
    }

    @Test
    void forJavaTypeNamesAnUnsupportedClassAndTheSupportedOnes() {
        assertThatThrownBy(() -> SqlTypes.forJavaType(java.util.Date.class))
                .isInstanceOf(ArgumentError.class)
                .hasMessageContaining("java.util.Date")
                .hasMessageContaining("LocalDateTime")
                .hasMessageContaining("enums")
                .hasMessageContaining("converted");
    }

    @Test
    void sqlNamesMatchSqlalchemysGenericNames() {
        // SQLAlchemy 1.4 str(type), reference §1.3; DOUBLE and Uuid's CHAR(32) from 2.0
        assertThat(SqlTypes.INTEGER.sqlName()).isEqualTo("INTEGER");
        assertThat(SqlTypes.BIGINT.sqlName()).isEqualTo("BIGINT");
        assertThat(SqlTypes.SMALLINT.sqlName()).isEqualTo("SMALLINT");
        assertThat(SqlTypes.VARCHAR.sqlName()).isEqualTo("VARCHAR");
        assertThat(SqlTypes.string(50).sqlName()).isEqualTo("VARCHAR(50)");
        assertThat(SqlTypes.TEXT.sqlName()).isEqualTo("TEXT");
        assertThat(SqlTypes.BOOLEAN.sqlName()).isEqualTo("BOOLEAN");
        assertThat(SqlTypes.FLOAT.sqlName()).isEqualTo("FLOAT");
        assertThat(SqlTypes.floatType(53).sqlName()).isEqualTo("FLOAT");
        assertThat(SqlTypes.DOUBLE.sqlName()).isEqualTo("DOUBLE");
        assertThat(SqlTypes.NUMERIC.sqlName()).isEqualTo("NUMERIC");
        assertThat(SqlTypes.numeric(10).sqlName()).isEqualTo("NUMERIC(10)");
        assertThat(SqlTypes.numeric(10, 2).sqlName()).isEqualTo("NUMERIC(10, 2)");
        assertThat(SqlTypes.DATE.sqlName()).isEqualTo("DATE");
        assertThat(SqlTypes.DATETIME.sqlName()).isEqualTo("DATETIME");
        assertThat(SqlTypes.DATETIME_TZ.sqlName()).isEqualTo("DATETIME");
        assertThat(SqlTypes.TIME.sqlName()).isEqualTo("TIME");
        assertThat(SqlTypes.LARGE_BINARY.sqlName()).isEqualTo("BLOB");
        assertThat(SqlTypes.largeBinary(100).sqlName()).isEqualTo("BLOB");
        assertThat(SqlTypes.enumOf(Color.class).sqlName()).isEqualTo("VARCHAR(5)");
        assertThat(SqlTypes.enumOf(Color.class, 20).sqlName()).isEqualTo("VARCHAR(20)");
        assertThat(SqlTypes.enumOf(Empty.class).sqlName()).isEqualTo("VARCHAR(1)");
        assertThat(SqlTypes.JSON.sqlName()).isEqualTo("JSON");
        assertThat(SqlTypes.UUID.sqlName()).isEqualTo("CHAR(32)");
        assertThat(SqlTypes.converted(SqlTypes.string(10), StringBuilder.class, Object::toString, StringBuilder::new)
                        .sqlName())
                .isEqualTo("VARCHAR(10)");
    }

    @Test
    void badArgumentsAreRejectedWithTheirReason() {
        assertThatThrownBy(() -> SqlTypes.numeric(5, 6))
                .isInstanceOf(ArgumentError.class)
                .hasMessageContaining("scale");
        assertThatThrownBy(() -> new NumericType(null, 2))
                .isInstanceOf(ArgumentError.class)
                .hasMessageContaining("needs a precision");
        assertThatThrownBy(() -> SqlTypes.enumOf(Color.class, 3))
                .isInstanceOf(ArgumentError.class)
                .hasMessageContaining("VARCHAR(3)")
                .hasMessageContaining("5 characters");
        assertThatThrownBy(() -> new DateTimeType<>(LocalDateTime.class, true))
                .isInstanceOf(ArgumentError.class)
                .hasMessageContaining("OffsetDateTime or Instant");
        assertThatThrownBy(() -> SqlTypes.enumOf(Color.class).fromName("purple"))
                .isInstanceOf(ArgumentError.class)
                .hasMessageContaining("'purple'")
                .hasMessageContaining("Color");
    }
}
