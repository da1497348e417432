package io.openbss.common.request;

import io.openbss.common.error.BssException;

/** The {@code X-Language} header: {@code zh_CN} (the default) or {@code en_US}. */
public enum Language {
    ZH_CN,
    EN_US;

    public static final String HEADER = "X-Language";

    public static Language of(String header) {
        if (header == null || header.isBlank()) {
            return ZH_CN;
        }
        return switch (header.strip().replace('-', '_').toLowerCase(java.util.Locale.ROOT)) {
            case "zh_cn" -> ZH_CN;
            case "en_us" -> EN_US;
            default -> throw BssException.badParameter(HEADER, "must be zh_CN or en_US");
        };
    }

    public String pick(String chinese, String english) {
        return this == EN_US ? english : chinese;
    }
}
