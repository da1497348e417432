package io.openbss.gateway.pipeline;

import io.openbss.common.error.BssException;
import io.openbss.common.operations.Operation;
import io.openbss.gateway.errors.ApigException;
import io.openbss.gateway.identity.Credential;
import io.openbss.gateway.policies.CallerRules;
import io.openbss.gateway.policies.CloudServiceTypes;
import io.openbss.gateway.policies.PolicyCheck;
import io.openbss.gateway.upstream.UpstreamLinks;
import io.vertx.core.Future;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Authorize: the operation's caller rule ({@link CallerRules}, else 403 CBC.0151), then, for an IAM user, its
 * policies ({@link PolicyCheck}: 403 APIG.0302 when none allows the action, 403 CBC.0151 when they allow it only for
 * other cloud service types). An allowed call's caller is what the service is told, kept to the service types its
 * policy allows, and whether its account is linked to an upstream BSS that serves the call.
 */
@Singleton
class Authorization {

    static final String OUTSIDE_SERVICE_TYPES = "Access denied: the IAM user's policy (billing:cloudServiceType) "
            + "does not cover the cloud service types of this call";

    @Inject
    PolicyCheck policies;

    @Inject
    UpstreamLinks links;

    Future<PublicCall> authorize(PublicCall call) {
        Operation operation = call.operation();
        Credential credential = call.credential;
        String refusal = CallerRules.refusal(operation, credential.caller());
        if (refusal != null) {
            return Future.failedFuture(BssException.accessDenied(refusal));
        }
        return policies.check(credential, operation,
                        () -> CloudServiceTypes.named(operation.serviceTypes(), call.request.params(), call.body))
                .compose(decision -> switch (decision.verdict()) {
                    case ALLOWED -> links.find(credential.domainId()).map(link -> {
                        call.caller = credential.caller(decision.serviceTypes(), link.isPresent());
                        return call;
                    });
                    case NOT_ALLOWED -> Future.failedFuture(ApigException.notAllowed());
                    case OUTSIDE_SERVICE_TYPES -> Future.failedFuture(BssException.accessDenied(OUTSIDE_SERVICE_TYPES));
                });
    }
}
