using System.Reflection;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using TeleCmi.Api.OpenApi;

namespace TeleCmi.Api.Infrastructure;

/// <summary>
/// Swagger UI at /swagger, the document at /swagger/v1/swagger.json, with a Bearer scheme; served in Development or
/// with <c>Swagger:Enabled=true</c> (<see cref="SwaggerOptions"/>).
/// </summary>
public static class SwaggerSetup
{
    public static IServiceCollection AddTeleCmiSwagger(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SwaggerOptions>().Bind(configuration.GetSection(SwaggerOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(c =>
        {
            c.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "TeleCmi calling API",
                Version = "v1",
                Description = "Telecallers call truck drivers through TeleCMI; calls are logged and tracked from TeleCMI's webhooks. " +
                              "Sign in with POST /api/auth/token, then press Authorize and paste the accessToken.",
            });
            foreach (var assembly in new[] { typeof(Program).Assembly, typeof(Application.DependencyInjection).Assembly, typeof(Domain.Calls.CallLog).Assembly })
            {
                var xml = Path.Combine(AppContext.BaseDirectory, $"{assembly.GetName().Name}.xml");
                if (File.Exists(xml)) c.IncludeXmlComments(xml, includeControllerXmlComments: true);
            }
            c.AddSecurityDefinition(AuthorizedOperationFilter.SchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "The accessToken from POST /api/auth/token.",
            });
            // The lock goes only on operations that need a token (sign-in and the webhook are anonymous).
            c.OperationFilter<AuthorizedOperationFilter>();
            c.SchemaFilter<ExampleSchemaFilter>();
            c.SchemaFilter<RequiredPropertiesSchemaFilter>();
            c.OperationFilter<IdempotencyKeyOperationFilter>();
            c.OperationFilter<WebhookBodyOperationFilter>();
            c.OperationFilter<ImportBodyOperationFilter>();
            c.OperationFilter<DoNotCallImportBodyOperationFilter>();
            c.OperationFilter<StandardResponsesOperationFilter>();
            // Last: every error becomes application/problem+json, JSON only application/json.
            c.OperationFilter<MediaTypesOperationFilter>();
            c.DocumentFilter<DocumentInfoFilter>();
            c.DocumentFilter<ReferenceWrapperDocumentFilter>();
            c.SupportNonNullableReferenceTypes();
            // A $ref wrapped in allOf can carry its own description and nullability; ReferenceWrapperDocumentFilter tidies the wrappers.
            c.UseAllOfToExtendReferenceSchemas();
            c.CustomSchemaIds(SchemaIds.For);
        });
        return services;
    }

    /// <summary>Serves Swagger UI and the document when <see cref="SwaggerOptions"/> says so; otherwise both paths answer 404.</summary>
    public static WebApplication UseTeleCmiSwagger(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<SwaggerOptions>>().Value.IsServedIn(app.Environment)) return app;
        app.UseSwagger();
        app.UseSwaggerUI(o => o.DocumentTitle = "TeleCmi API");
        return app;
    }
}
