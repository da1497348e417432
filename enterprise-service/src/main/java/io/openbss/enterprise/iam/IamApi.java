package io.openbss.enterprise.iam;

import io.openbss.common.remote.RemoteErrors;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The gateway's internal IAM API: accounts are the gateway's. */
@RegisterRestClient(configKey = "gateway")
@RegisterClientHeaders(IamAuthorization.class)
@RegisterProvider(RemoteErrors.class)
@Path("/internal/v1")
interface IamApi {

    @POST
    @Path("/domains")
    Uni<NewDomain.Created> createDomain(NewDomain domain);
}
