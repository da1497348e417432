package io.openbss.launcher;

import java.net.URI;
import java.net.URISyntaxException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * An upstream BSS's endpoint as given on a command line: an http or https URL of a host (and port) alone, as the
 * gateway takes it; the operations' paths are the API's own.
 */
final class UpstreamEndpoint implements ITypeConverter<URI> {

    @Override
    public URI convert(String value) {
        try {
            URI uri = new URI(value);
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getUserInfo() == null && uri.getQuery() == null && uri.getFragment() == null
                    && (uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"))) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // said below, like any other value that is no endpoint
        }
        throw new TypeConversionException("expected an http(s) URL of a host such as https://bss.myhuaweicloud.com, "
                + "not '" + value + "'");
    }
}
