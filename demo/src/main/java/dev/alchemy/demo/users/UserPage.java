package dev.alchemy.demo.users;

import java.util.List;

/**
 * A page of users as the search endpoint answers it.
 *
 * @param users the page's users, with their addresses
 * @param page the page's number, from 0
 * @param size the page's size
 * @param total how many users match in all
 * @param pages how many pages they fill
 */
public record UserPage(List<UserView> users, int page, int size, long total, int pages) {}
