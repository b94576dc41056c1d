package com.onyxos.auth.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/user/mfa}; the body itself is optional.
 *
 * @param friendlyName a name to tell factors apart ("Work phone"), up to 100 characters, no control characters
 */
public record EnrollRequest(
        @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}]*") String friendlyName) {}
