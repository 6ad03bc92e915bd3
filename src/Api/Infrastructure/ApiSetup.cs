using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using TeleCmi.Api.Errors;

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
                // One source of validation errors: FluentValidation in the pipeline. MVC only reports what it cannot
                // bind; its implicit [Required] on non-nullable references (keyed "DisplayName", "r") is off.
                o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                o.ModelValidatorProviders.Clear();
                o.Filters.Add<MissingBodyFilter>();
                o.Filters.Add<QueryParameterSpellingFilter>();
                // Only for the import's row type; every other body stays JSON.
                o.InputFormatters.Add(new TeleCmi.Api.Import.DriverImportCsvInputFormatter());
            })
            .AddJsonOptions(o =>
            {
                o.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
                o.JsonSerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
                // Do not echo parser messages: they name internal types.
                o.AllowInputFormatterExceptionMessages = false;
            });
        services.Configure<ApiBehaviorOptions>(o => o.InvalidModelStateResponseFactory = ValidationProblemResponse.Create);
        // FluentValidation's messages name the field as its key does ("'displayName' must not be empty.").
        FluentValidation.ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : JsonBodyPath.CamelCase(member.Name);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        return services;
    }
}
