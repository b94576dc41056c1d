package com.onyxos.common.fanvue.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * The client's own JSON mapper: unlike our API's strict mapper it ignores fields Fanvue adds, keeps unknown enum
 * values (they are strings in our model) and reads dates leniently; integers must be JSON integers.
 */
public final class FanvueJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // Counts and money are JSON integers: "12", 12.7 or true where one is due make the answer malformed
            // instead of being coerced (12.7 would silently become 12, a figure Fanvue never sent).
            .withCoercionConfig(LogicalType.Integer, integers -> integers.setCoercion(
                            CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
            .addModule(new SimpleModule("fanvue-lenient-dates")
                    .addDeserializer(Instant.class, new Lenient<>(Instant.class, LenientDates::instant))
                    .addDeserializer(LocalDate.class, new Lenient<>(LocalDate.class, LenientDates::date)))
            .build();

    private FanvueJson() {}

    /** The shared, thread-safe mapper. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Reads a string or number token through a lenient parser; other tokens are a mapping error. */
    private static final class Lenient<T> extends JsonDeserializer<T> {
        private final Class<T> type;
        private final Function<String, T> parse;

        Lenient(Class<T> type, Function<String, T> parse) {
            this.type = type;
            this.parse = parse;
        }

        @Override
        public Class<?> handledType() {
            return type;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            if (token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NUMBER_INT) {
                return type.cast(context.handleUnexpectedToken(type, parser));
            }
            try {
                return parse.apply(parser.getText());
            } catch (DateTimeException | NumberFormatException e) {
                return type.cast(context.handleWeirdStringValue(type, parser.getText(), "not a date or date-time"));
            }
        }
    }
}
