package io.openbss.console.layout;

/**
 * A form or filter value the console will not send, named by its parameter: nothing is called, and the page (or
 * export) answers 400 naming it, as the API would.
 */
public final class BadParameter extends RuntimeException {

    public BadParameter(String name) {
        super(name, null, false, false);
    }
}
