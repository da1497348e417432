package io.openbss.common.error;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/** A number in a JSON body that its field's type reads but cannot hold; the problem says what it can hold. */
public class OutOfRange extends InvalidFormatException {

    private final String problem;

    public OutOfRange(JsonParser parser, String problem, Object value, Class<?> type) {
        super(parser, problem, value, type);
        this.problem = problem;
    }

    public String problem() {
        return problem;
    }
}
