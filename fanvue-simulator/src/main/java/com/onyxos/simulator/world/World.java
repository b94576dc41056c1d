package com.onyxos.simulator.world;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/** The whole simulated Fanvue: users, agencies and each account's data. Mutable only under the state lock. */
public final class World {
    private final List<Agency> agencies = new ArrayList<>();
    private final Map<String, SimUser> users = new LinkedHashMap<>();
    private final Map<String, AccountData> accounts = new LinkedHashMap<>();
    private String demoUserUuid;

    public List<Agency> agencies() {
        return agencies;
    }

    public void addUser(SimUser user) {
        users.put(user.uuid(), user);
    }

    public Optional<SimUser> user(String uuid) {
        return Optional.ofNullable(users.get(uuid));
    }

    /** Finds a user by uuid or by handle. */
    public Optional<SimUser> userByUuidOrHandle(String key) {
        SimUser byUuid = users.get(key);
        if (byUuid != null) {
            return Optional.of(byUuid);
        }
        return users.values().stream().filter(u -> u.handle().equals(key)).findFirst();
    }

    public void addAccount(AccountData account) {
        accounts.put(account.user().uuid(), account);
    }

    public Optional<AccountData> account(String userUuid) {
        return Optional.ofNullable(accounts.get(userUuid));
    }

    /** The creators' accounts, agency by agency. */
    public List<AccountData> creatorAccounts() {
        return agencies.stream()
                .flatMap(a -> a.creatorUuids().stream())
                .map(accounts::get)
                .toList();
    }

    /** The agency whose admin this user is, if any. */
    public Optional<Agency> agencyAdministeredBy(String userUuid) {
        return agencies.stream().filter(a -> a.admin().uuid().equals(userUuid)).findFirst();
    }

    /** The creators, agency by agency. */
    public List<SimUser> creators() {
        return creatorAccounts().stream().map(AccountData::user).toList();
    }

    /** The account of a creator; throws when the uuid is no creator of this world. */
    public AccountData creator(String creatorUuid) {
        AccountData account = accounts.get(creatorUuid);
        if (account == null || !account.user().isCreator()) {
            throw new NoSuchElementException("no creator " + creatorUuid);
        }
        return account;
    }

    /** The user the authorize endpoint approves when no login_hint is given. */
    public SimUser demoUser() {
        return users.get(demoUserUuid);
    }

    public String demoUserUuid() {
        return demoUserUuid;
    }

    public void demoUserUuid(String demoUserUuid) {
        this.demoUserUuid = demoUserUuid;
    }
}
