package io.openbss.launcher;

import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a word as the constant of an enum that prints as that word ({@code billing-service}, {@code success}), and
 * names every choice when none does (picocli's own enum conversion would list the Java names too).
 */
record Choice<E extends Enum<E>>(Class<E> type) implements ITypeConverter<E> {

    @Override
    public E convert(String value) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.toString().equals(value))
                .findFirst().orElseThrow(() -> new TypeConversionException("expected one of "
                        + Arrays.stream(type.getEnumConstants()).map(Enum::toString).collect(Collectors.joining(", "))
                        + ", not '" + value + "'"));
    }
}
