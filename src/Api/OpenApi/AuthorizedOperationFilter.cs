using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace TeleCmi.Api.OpenApi;

/// <summary>
/// Puts the Bearer requirement on the operations that need a token, and only on those: sign-in and the webhook
/// (authenticated by its URL token) show no lock.
/// </summary>
public sealed class AuthorizedOperationFilter : IOperationFilter
{
    /// <summary>The security scheme's name in <c>components.securitySchemes</c>.</summary>
    public const string SchemeName = "Bearer";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        // An explicit empty list says "no authentication" (the linters want every operation to say something).
        if (!RequiresToken(context.ApiDescription))
        {
            operation.Security = [];
            return;
        }
        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] }];
    }

    /// <summary>Whether the action needs a signed-in agent.</summary>
    public static bool RequiresToken(Microsoft.AspNetCore.Mvc.ApiExplorer.ApiDescription api)
    {
        var metadata = api.ActionDescriptor.EndpointMetadata;
        return metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
    }
}
