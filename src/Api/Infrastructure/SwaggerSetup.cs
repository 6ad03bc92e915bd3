using System.Reflection;
using Microsoft.OpenApi;

namespace TeleCmi.Api.Infrastructure;

/// <summary>Swagger UI at /swagger, the document at /swagger/v1/swagger.json, with a Bearer scheme.</summary>
public static class SwaggerSetup
{
    public static IServiceCollection AddTeleCmiSwagger(this IServiceCollection services)
    {
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
            c.AddSecurityDefinition("Bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "The accessToken from POST /api/auth/token.",
            });
            c.AddSecurityRequirement(document => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
            c.SchemaFilter<ExampleSchemaFilter>();
            c.OperationFilter<IdempotencyKeyOperationFilter>();
            c.SupportNonNullableReferenceTypes();
            c.CustomSchemaIds(t => t.FullName!.Replace("TeleCmi.", "").Replace("+", "."));
        });
        return services;
    }
}
