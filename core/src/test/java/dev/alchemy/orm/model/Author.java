package dev.alchemy.orm.model;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Table;
import dev.alchemy.orm.Transient;
import dev.alchemy.orm.Version;

/** A model with private fields, getters and setters, a Long key, a version column and a transient field. */
@Table(name = "authors")
public class Author {
    @Column(primaryKey = true)
    private Long id;

    @Column(nullable = false, unique = true, length = 50)
    private String name;

    @Column(length = 100)
    private String bio;

    @Version
    @Column
    private Integer version;

    @Transient
    private String scratch = "not mapped";

    protected Author() {}

    public Author(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getBio() {
        return bio;
    }

    public void setBio(String bio) {
        this.bio = bio;
    }

    public Integer getVersion() {
        return version;
    }

    public String getScratch() {
        return scratch;
    }

    public void scratch(String value) {
        this.scratch = value;
    }
}
