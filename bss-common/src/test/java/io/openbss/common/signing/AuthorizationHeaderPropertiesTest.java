package io.openbss.common.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link AuthorizationHeader#parse} reads the header in place; it accepts and refuses exactly what splitting the
 * header into stripped parts did, with the same fields and the same reasons. The header is built from the pieces that
 * matter to its grammar: field names, separators, white space (ASCII and Unicode) and values.
 */
class AuthorizationHeaderPropertiesTest {

    static final List<String> PIECES = List.of("Access", "SignedHeaders", "Signature", "access", "Other", "=", ",",
            ",", " ", "\t", "\u2003", "\u00a0", ";", "AK1", "host;X-Sdk-Date", "ABCdef0123", "", "中", "=x", "Access=AK",
            "SignedHeaders=host;x-sdk-date", "Signature=ab12CD");

    @Property(tries = 5000)
    void readsWhatSplittingTheHeaderRead(@ForAll("headers") String header) {
        assertThat(outcome(() -> AuthorizationHeader.parse(header))).isEqualTo(outcome(() -> bySplitting(header)));
    }

    @Provide
    Arbitrary<String> headers() {
        Arbitrary<String> rest = Arbitraries.of(PIECES).list().ofMaxSize(14).map(pieces -> String.join("", pieces));
        Arbitrary<String> scheme = Arbitraries.of("SDK-HMAC-SHA256 ", "sdk-hmac-sha256 ", "SDK-HMAC-SHA256", "Basic ");
        Arbitrary<String> wellFormed = Arbitraries.of("Access=AK1, SignedHeaders=host;x-sdk-date, Signature=ab12",
                "Access=AK1,SignedHeaders=Host,Signature=AB12,", " Access=AK1 ,\tSignedHeaders=host , Signature=00 ,,");
        return Arbitraries.oneOf(scheme.flatMap(prefix -> rest.map(fields -> prefix + fields)),
                wellFormed.map(fields -> "SDK-HMAC-SHA256 " + fields),
                wellFormed.flatMap(fields -> rest.map(extra -> "SDK-HMAC-SHA256 " + fields + extra)));
    }

    /** The parsed header, or the reason and message it was refused with. */
    private static Object outcome(java.util.function.Supplier<AuthorizationHeader> parse) {
        try {
            return parse.get();
        } catch (SignatureException e) {
            return e.reason() + ": " + e.getMessage();
        }
    }

    /** The parser before this one: each comma-separated part copied and stripped, then split at its '='. */
    private static AuthorizationHeader bySplitting(String value) {
        if (!AuthorizationHeader.isSdkSignature(value)) {
            throw new SignatureException(SignatureException.Reason.MALFORMED, "unsupported authorization scheme");
        }
        String access = null;
        String signed = null;
        String signature = null;
        for (String part : value.substring(AuthorizationHeader.ALGORITHM.length() + 1).split(",")) {
            String item = part.strip();
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new SignatureException(SignatureException.Reason.MALFORMED, "malformed authorization header");
            }
            String name = item.substring(0, eq);
            String val = item.substring(eq + 1);
            switch (name) {
                case "Access" -> access = val;
                case "SignedHeaders" -> signed = val;
                case "Signature" -> signature = val;
                default -> throw new SignatureException(SignatureException.Reason.MALFORMED,
                        "unknown authorization field " + name);
            }
        }
        if (access == null || access.isEmpty() || signed == null || signed.isEmpty()
                || signature == null || signature.isEmpty()) {
            throw new SignatureException(SignatureException.Reason.MALFORMED,
                    "authorization header needs Access, SignedHeaders and Signature");
        }
        List<String> headers = List.of(signed.toLowerCase(Locale.ROOT).split(";"));
        if (headers.stream().anyMatch(String::isEmpty)) {
            throw new SignatureException(SignatureException.Reason.MALFORMED, "empty name in SignedHeaders");
        }
        return new AuthorizationHeader(access, headers, signature.toLowerCase(Locale.ROOT));
    }
}
