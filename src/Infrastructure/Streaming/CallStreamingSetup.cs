using Microsoft.Extensions.DependencyInjection;
using TeleCmi.Application.Calls.StreamCallEvents;
using TeleCmi.Infrastructure.Jobs;

namespace TeleCmi.Infrastructure.Streaming;

/// <summary>The live call stream: this instance's subscribers, the one poller feeding them, and the pruning of old changes.</summary>
public static class CallStreamingSetup
{
    public static IServiceCollection AddCallStreaming(this IServiceCollection services)
    {
        services.AddSingleton<CallEventHub>();
        services.AddSingleton<ICallEventFeed>(sp => sp.GetRequiredService<CallEventHub>());
        services.AddSingleton<CallChangePoller>();
        services.AddHostedService(sp => sp.GetRequiredService<CallChangePoller>());
        services.AddPeriodicJob<CallChangePrune>(_ => PeriodicJobSchedule.Every(CallChangePrune.Interval));
        return services;
    }
}
