using FluentValidation;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using TeleCmi.Application.Common.Behaviours;
using TeleCmi.Application.Common.Time;
using TeleCmi.Application.FollowUps;
using TeleCmi.Application.Reports;

namespace TeleCmi.Application;

/// <summary>Registers the application layer: Mediator with its pipeline, and the validators.</summary>
public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(DependencyInjection)];
            // The pipeline, outermost first. This is the only place its order is set.
            options.PipelineBehaviors =
            [
                typeof(LoggingBehaviour<,>),
                typeof(AuthorizationBehaviour<,>),
                typeof(ValidationBehaviour<,>),
                typeof(TransactionBehaviour<,>),
            ];
        });
        services.AddSingleton<BusinessCalendar>();
        services.AddScoped<ReportFigures>();
        services.AddScoped<FollowUpQueries>();
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton);
        return services;
    }
}
