package dev.alchemy.orm.clinic;

import dev.alchemy.orm.Table;

/** cat, dog, ... */
@Table(name = "types")
public class PetType extends NamedEntity {}
