package io.openbss.console.resources;

/** A form value the console will not send; its message names the parameter. */
class BadInput extends RuntimeException {
    BadInput(String name) {
        super(name, null, false, false);
    }
}
