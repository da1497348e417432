package io.openbss.gateway.pipeline;

import io.openbss.common.operations.Operation;
import io.openbss.gateway.tokens.KeystoneDomains;
import io.openbss.gateway.tokens.KeystoneTokens;
import io.vertx.core.Future;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Answer the IAM operations the gateway owns (service {@code gateway} in the operation table): a token request with
 * 201 and the token in {@code X-Subject-Token}, a token revocation with 204 ({@link KeystoneTokens}), the caller's
 * domains with 200 ({@link KeystoneDomains}).
 */
@Singleton
class IamAnswers {

    private static final String GATEWAY = "gateway";

    @Inject
    KeystoneTokens keystone;

    static boolean owns(Operation operation) {
        return operation.service().equals(GATEWAY);
    }

    Future<Reply> answer(PublicCall call) {
        return switch (call.operation().name()) {
            case KeystoneTokens.CREATE_TOKEN -> keystone.issue(call.credential, call.body, !call.passwordLogin)
                    .map(issued -> {
                        Reply reply = Reply.json(201, issued.body());
                        reply.headers().set(KeystoneTokens.SUBJECT_TOKEN, issued.token());
                        return reply;
                    });
            case KeystoneTokens.REVOKE_TOKEN -> keystone.revoke(call.credential,
                    call.header(KeystoneTokens.SUBJECT_TOKEN)).map(revoked -> Reply.noContent());
            default -> Future.succeededFuture(Reply.json(200, KeystoneDomains.of(call.credential)));
        };
    }
}
