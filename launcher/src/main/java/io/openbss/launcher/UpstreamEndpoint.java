package io.openbss.launcher;

import java.net.URI;
import java.net.URISyntaxException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** An upstream BSS's endpoint as given on a command line: an absolute http or https URL with a host. */
final class UpstreamEndpoint implements ITypeConverter<URI> {

    @Override
    public URI convert(String value) {
        try {
            URI uri = new URI(value);
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getUserInfo() == null && uri.getQuery() == null && uri.getFragment() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // said below, like any other value that is no endpoint
        }
        throw new TypeConversionException("expected an http(s) URL such as https://bss.myhuaweicloud.com, not '"
                + value + "'");
    }
}
