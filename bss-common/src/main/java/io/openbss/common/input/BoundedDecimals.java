package io.openbss.common.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.openbss.common.error.OutOfRange;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Every BigDecimal a service reads from JSON has at most 15 digits before the decimal point, so that it fits every
 * amount column (NUMERIC(20,2), NUMERIC(24,8)), and at most 20 significant decimals, so that no exponent such as
 * 1e-1000000 turns arithmetic on it into megabytes of digits. Beyond that it is 400 naming the field.
 */
@Singleton
public class BoundedDecimals implements ObjectMapperCustomizer {

    static final int MAX_INTEGER_DIGITS = 15;
    static final int MAX_DECIMALS = 20;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("openbss-bounded-decimals")
                .addDeserializer(BigDecimal.class, new Deserializer()));
    }

    static boolean fits(BigDecimal value) {
        BigDecimal significant = value.stripTrailingZeros();
        return significant.precision() - significant.scale() <= MAX_INTEGER_DIGITS
                && significant.scale() <= MAX_DECIMALS;
    }

    static final class Deserializer extends NumberDeserializers.BigDecimalDeserializer {

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            BigDecimal value = super.deserialize(parser, context);
            if (value != null && !fits(value)) {
                throw new OutOfRange(parser, "must have at most " + MAX_INTEGER_DIGITS
                        + " digits before the decimal point and " + MAX_DECIMALS + " after it", value,
                        BigDecimal.class);
            }
            return value;
        }
    }
}
