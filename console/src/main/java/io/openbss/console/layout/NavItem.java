package io.openbss.console.layout;

/** One menu entry: its page, the text key of its name, and whether it is the page shown. */
public record NavItem(String path, String label, boolean active) {
}
