package io.openbss.console.api;

/** The answer to a password login: the token from {@code X-Subject-Token} (null when refused) and the body. */
public record SignIn(String token, ApiAnswer answer) {
}
