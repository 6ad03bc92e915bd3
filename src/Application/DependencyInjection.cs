using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TeleCmi.Application.Calls.Common;
using TeleCmi.Application.Calls.HangUpCall;
using TeleCmi.Application.Common.Behaviours;
using TeleCmi.Application.Common.Observability;
using TeleCmi.Application.Common.Time;
using TeleCmi.Application.Compliance.Common;
using TeleCmi.Application.Drivers.Common;
using TeleCmi.Application.FollowUps.Common;
using TeleCmi.Application.Reports.Common;

namespace TeleCmi.Application;

/// <summary>Registers the application layer: Mediator with its pipeline, the validators and the metrics.</summary>
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
        services.AddScoped<ReportRollup>();
        services.AddSingleton<ReportRollupGate>();
        services.AddSingleton<TodayFigures>();
        services.AddScoped<FollowUpQueries>();
        services.AddScoped<DoNotCallMarker>();
        services.AddScoped<DoNotCallOutcome>();
        // Built once from validated options (Compliance): InitiateCall, feedback and GET /api/policy read the same hours.
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ComplianceOptions>>().Value.ToPolicy());
        services.AddSingleton<CallingHoursGuard>();
        services.AddScoped<TeleCmiUserSession>();
        // Built once from validated options: InitiateCall checks every destination against it before storing anything.
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<CallDestinationOptions>>().Value.ToPolicy());
        // Needs the host's IMeterFactory (every .NET host registers one).
        services.TryAddSingleton<TeleCmiMetrics>();
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton);
        return services;
    }
}
