package io.openbss.enterprise.sms;

import io.openbss.common.error.BssException;
import io.openbss.common.identity.CallerIdentity;
import io.openbss.common.identity.CurrentCaller;
import io.openbss.common.identity.InternalToken;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/v2/enterprises/multi-accounts/sm-verification-code")
@RolesAllowed(InternalToken.GROUP_CUSTOMER)
public class SmsVerificationCodeResource {

    @Inject
    CurrentCaller caller;

    @Inject
    VerificationCodes codes;

    @POST
    @Operation(operationId = "SendSmsVerificationCode", summary = "Send a verification code to a new sub-account's "
            + "phone")
    public Uni<Map<String, Object>> send(VerificationCodeRequest request) {
        CallerIdentity master = caller.get();
        master.requireEnterpriseMaster();
        if (request == null) {
            throw BssException.badParameter("body", "is required");
        }
        request.validate();
        return codes.send(master.customerId(), request).replaceWith(Map.of());
    }
}
