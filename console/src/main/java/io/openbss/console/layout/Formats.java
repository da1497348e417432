package io.openbss.console.layout;

import com.fasterxml.jackson.databind.JsonNode;
import io.openbss.console.session.Session;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Currency;

/**
 * How the console writes the API's values for a reader: amounts exactly as answered (no rounding beyond the
 * answer's own digits, at least two) with their currency, times in the reader's time zone.
 */
public final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Session session;

    public Formats(Session session) {
        this.session = session;
    }

    public String money(JsonNode amount, String currency) {
        if (amount == null || amount.isMissingNode() || amount.isNull()) {
            return "";
        }
        // several operations answer amounts as strings ("78.00"), which decimalValue() would read as zero
        if (amount.isTextual()) {
            try {
                return money(new BigDecimal(amount.asText().strip()), currency);
            } catch (NumberFormatException notANumber) {
                return amount.asText();
            }
        }
        return money(amount.decimalValue(), currency);
    }

    public String money(BigDecimal amount, String currency) {
        NumberFormat format = NumberFormat.getCurrencyInstance(session.locale());
        format.setCurrency(Currency.getInstance(currency == null || currency.isBlank() ? "CNY" : currency));
        format.setMinimumFractionDigits(Math.max(2, Math.min(8, amount.stripTrailingZeros().scale())));
        format.setMaximumFractionDigits(Math.max(2, Math.min(8, amount.stripTrailingZeros().scale())));
        return format.format(amount);
    }

    /** An API time (UTC, ISO 8601 with or without an offset) in the reader's zone; other text as it came. */
    public String time(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        try {
            return TIME.format(OffsetDateTime.parse(value).atZoneSameInstant(zone()));
        } catch (DateTimeParseException notOffset) {
            try {
                return TIME.format(Instant.parse(value).atZone(zone()));
            } catch (DateTimeParseException notInstant) {
                return value;
            }
        }
    }

    public ZoneId zone() {
        return session.zone();
    }
}
