package com.onyxos.simulator.oauth;

/** A token grant's answer and the user it was issued for (the journal records who refreshed). */
public record IssuedTokens(String userUuid, TokenResponse response) {}
