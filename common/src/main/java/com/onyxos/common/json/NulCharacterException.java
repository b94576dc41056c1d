package com.onyxos.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON string of the request carried a NUL character. Jackson adds the field's path as the exception travels up,
 * so the problem response can name the field.
 */
public final class NulCharacterException extends MismatchedInputException {

    NulCharacterException(JsonParser parser) {
        super(parser, "A string must not contain the NUL character", String.class);
    }
}
