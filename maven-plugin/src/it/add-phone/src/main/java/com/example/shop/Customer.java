package com.example.shop;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Table;

@Table(name = "customers")
public class Customer {

    @Column(primaryKey = true)
    public Integer id;

    @Column(length = 50, nullable = false)
    public String name;

    @Column(length = 20)
    public String phone;
}
