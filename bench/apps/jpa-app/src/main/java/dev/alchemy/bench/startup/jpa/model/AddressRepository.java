package dev.alchemy.bench.startup.jpa.model;

import org.springframework.data.jpa.repository.JpaRepository;

/** Addresses. */
public interface AddressRepository extends JpaRepository<Address, Integer> {}
