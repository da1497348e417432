package io.openbss.console.layout;

import io.openbss.common.request.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The console's words in both languages, the same two the API answers in ({@code X-Language}): one bundle per area
 * ({@code i18n/<bundle>_zh_CN.properties} and {@code _en_US}). A key missing from either language, or named by
 * two bundles, fails the start.
 */
public final class Texts {

    private static final List<String> BUNDLES = List.of("common", "orders", "resources", "funds", "bills", "costs",
            "enterprise", "operator");
    private static final Map<Language, Map<String, String>> BY_LANGUAGE = load();

    private Texts() {
    }

    public static Map<String, String> of(Language language) {
        return BY_LANGUAGE.get(language);
    }

    public static String get(Language language, String key) {
        String text = of(language).get(key);
        if (text == null) {
            throw new IllegalArgumentException("no text " + key);
        }
        return text;
    }

    private static Map<Language, Map<String, String>> load() {
        Map<Language, Map<String, String>> all = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            Map<String, String> texts = new HashMap<>();
            for (String bundle : BUNDLES) {
                String resource = "/i18n/" + bundle + "_" + (language == Language.EN_US ? "en_US" : "zh_CN")
                        + ".properties";
                try (InputStream in = Texts.class.getResourceAsStream(resource)) {
                    Properties properties = new Properties();
                    properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                    properties.forEach((key, value) -> {
                        if (texts.put((String) key, (String) value) != null) {
                            throw new IllegalStateException("text " + key + " is named twice");
                        }
                    });
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            all.put(language, Map.copyOf(texts));
        }
        if (!all.get(Language.EN_US).keySet().equals(all.get(Language.ZH_CN).keySet())) {
            throw new IllegalStateException("the two languages' texts name different keys");
        }
        return all;
    }
}
