package io.openbss.common.operations;

/**
 * Where the cloud service types an operation concerns are found, for the {@code billing:cloudServiceType} condition of
 * IAM policies: nowhere (an operation that concerns no particular service type: refused under the condition), in the
 * query parameter or JSON body field that the operation filters or prices by ({@code parameter}: a name, or a path
 * such as {@code product_infos[].cloud_service_type}), or in the orders and resources the operation acts on, which
 * only the owning service knows.
 */
public record ServiceTypeSource(Kind kind, String parameter) {

    public enum Kind { NONE, QUERY, BODY, TOUCHED }

    public static final ServiceTypeSource NONE = new ServiceTypeSource(Kind.NONE, null);
    public static final ServiceTypeSource TOUCHED = new ServiceTypeSource(Kind.TOUCHED, null);

    /** {@code -}, {@code touched}, {@code query:NAME} or {@code body:PATH}, as the operation table writes it. */
    static ServiceTypeSource parse(String cell) {
        return switch (cell) {
            case "-" -> NONE;
            case "touched" -> TOUCHED;
            default -> {
                if (cell.startsWith("query:")) {
                    yield new ServiceTypeSource(Kind.QUERY, cell.substring("query:".length()));
                }
                if (cell.startsWith("body:")) {
                    yield new ServiceTypeSource(Kind.BODY, cell.substring("body:".length()));
                }
                throw new IllegalStateException("bad service type source: " + cell);
            }
        };
    }
}
