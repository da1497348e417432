package io.openbss.common.error;

/** An error code of the BSS API and the HTTP status it answers with. */
public record BssError(String code, int status) {
}
