package io.openbss.console.operator;

/** A form or filter value the console will not send, named by its parameter: the page answers 400 naming it. */
final class BadInput extends RuntimeException {

    BadInput(String name) {
        super(name, null, false, false);
    }
}
