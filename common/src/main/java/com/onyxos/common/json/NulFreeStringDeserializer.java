package com.onyxos.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;

/**
 * Reads JSON strings like Jackson's own deserializer (coercion rules included) and refuses any that carries a NUL
 * character: PostgreSQL cannot store one in text (SQLSTATE 22021), so it is the client's mistake, told as such.
 */
final class NulFreeStringDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String value = super.deserialize(p, ctxt);
        if (value != null && value.indexOf('\0') >= 0) {
            throw new NulCharacterException(p);
        }
        return value;
    }
}
