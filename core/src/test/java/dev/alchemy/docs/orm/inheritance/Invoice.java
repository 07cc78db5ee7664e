package dev.alchemy.docs.orm.inheritance;

// tag::invoice[]
import dev.alchemy.orm.Column;
import dev.alchemy.orm.Table;

@Table(name = "invoice")
public class Invoice extends BaseEntity { // columns id, created_at, version, number
    @Column(length = 20)
    private String number;

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }
}
// end::invoice[]
