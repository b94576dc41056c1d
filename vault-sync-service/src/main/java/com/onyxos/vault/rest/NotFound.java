package com.onyxos.vault.rest;

import com.onyxos.common.problem.ProblemException;

/** The 404 problems of the vault API; another agency's resource answers the same as a missing one. */
final class NotFound {

    private NotFound() {}

    static ProblemException asset() {
        return new ProblemException(404, "asset_not_found", "Not Found", "No such asset in this agency.");
    }

    static ProblemException creator() {
        return new ProblemException(404, "creator_not_found", "Not Found", "No such creator in this agency.");
    }
}
