package io.openbss.common.error;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The body of every service error: {@code {"error_code":"CBC.xxxx","error_msg":"..."}}. */
@RegisterForReflection
public record ErrorBody(@JsonProperty("error_code") String errorCode, @JsonProperty("error_msg") String errorMsg) {

    public static ErrorBody of(BssException e) {
        return new ErrorBody(e.code(), e.getMessage());
    }
}
