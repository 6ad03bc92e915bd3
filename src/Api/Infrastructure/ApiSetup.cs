using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace TeleCmi.Api.Infrastructure;

/// <summary>MVC, JSON and problem-details conventions.</summary>
public static class ApiSetup
{
    public static IServiceCollection AddTeleCmiApi(this IServiceCollection services)
    {
        services.AddControllers(o =>
            {
                o.OutputFormatters.RemoveType<Microsoft.AspNetCore.Mvc.Formatters.StringOutputFormatter>();
                o.ModelBinderProviders.Insert(0, new EnumQueryModelBinderProvider());
            })
            .AddJsonOptions(o =>
            {
                o.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
                o.JsonSerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
                // Do not echo parser messages: they name internal types.
                o.AllowInputFormatterExceptionMessages = false;
            });
        services.Configure<ApiBehaviorOptions>(o =>
            o.InvalidModelStateResponseFactory = context =>
            {
                var factory = context.HttpContext.RequestServices.GetRequiredService<Microsoft.AspNetCore.Mvc.Infrastructure.ProblemDetailsFactory>();
                var problem = factory.CreateValidationProblemDetails(context.HttpContext, context.ModelState, StatusCodes.Status400BadRequest,
                    "The request is not valid.", detail: "See 'errors' for the fields to correct.");
                return new BadRequestObjectResult(problem) { ContentTypes = { "application/problem+json" } };
            });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        return services;
    }
}
