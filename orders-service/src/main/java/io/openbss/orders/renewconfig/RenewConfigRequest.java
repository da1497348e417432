package io.openbss.orders.renewconfig;

import static io.openbss.common.request.RequestParameters.required;

import io.openbss.common.error.BssException;

/**
 * RenewResourceConfigReq of the SDK. DEDUCTION_DATE: auto-renewal charges 2 to 7 days before expiry;
 * EXPIRE_DATE: renewed resources expire on this day of the month, 1 to 28, or -1 for the month's last day.
 */
public record RenewConfigRequest(String configName,
        String configValue) {

    public static final String DEDUCTION_DATE = "DEDUCTION_DATE";
    public static final String EXPIRE_DATE = "EXPIRE_DATE";

    /** The setting this request makes; the value spelled exactly as documented ("7", "-1"), nothing else. */
    public Setting validate() {
        required("config_name", configName);
        if (!configName.equals(DEDUCTION_DATE) && !configName.equals(EXPIRE_DATE)) {
            throw BssException.badParameter("config_name", "must be DEDUCTION_DATE or EXPIRE_DATE");
        }
        required("config_value", configValue);
        boolean deduction = configName.equals(DEDUCTION_DATE);
        Integer value = canonicalInt(configValue);
        if (deduction && (value == null || value < 2 || value > 7)) {
            throw BssException.badParameter("config_value", "must be 2 to 7 (days before expiry) for DEDUCTION_DATE");
        }
        if (!deduction && (value == null || value != -1 && (value < 1 || value > 28))) {
            throw BssException.badParameter("config_value",
                    "must be 1 to 28 (day of the month) or -1 (its last day) for EXPIRE_DATE");
        }
        return new Setting(deduction, value);
    }

    /** A deduction date (days before expiry) or a unified expiry day (of the month, -1 for its last day). */
    public record Setting(boolean deductionDate, int value) {
    }

    private static Integer canonicalInt(String text) {
        if (!text.matches("-?[1-9][0-9]?")) {
            return null;
        }
        return Integer.valueOf(text);
    }
}
