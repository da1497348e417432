package io.openbss.console.tables;

import io.quarkus.qute.TemplateData;

/** One of the tabs above a page's table: another view of the same area. */
@TemplateData
public record Tab(String path, String label, boolean active) {
}
