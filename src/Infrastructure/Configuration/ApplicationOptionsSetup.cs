using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TeleCmi.Application.Calls.Common;
using TeleCmi.Application.Calls.StreamCallEvents;
using TeleCmi.Application.Common.Time;
using TeleCmi.Application.Reports.Common;
using TeleCmi.Domain.Calls;
using TeleCmi.Domain.Common;
using TeleCmi.Infrastructure.Webhooks;

namespace TeleCmi.Infrastructure.Configuration;

/// <summary>
/// Binds the options classes that Application declares and validates them at start-up, each message naming the setting.
/// The rules live here, not as attributes on the classes: Application knows no configuration keys.
/// </summary>
public static class ApplicationOptionsSetup
{
    public static IServiceCollection AddApplicationOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BusinessTimeOptions>().Bind(configuration.GetSection(BusinessTimeOptions.SectionName))
            .PostConfigure(o => o.TimeZone = o.TimeZone is { Length: > 0 } zone ? zone : BusinessTimeOptions.DefaultTimeZone)
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _),
                "Reporting:TimeZone (env Reporting__TimeZone) is not a known time zone id, e.g. Asia/Kolkata.")
            .ValidateOnStart();

        services.AddOptions<CallPolicyOptions>().Bind(configuration.GetSection(CallPolicyOptions.SectionName))
            .Validate(o => o.DuplicateCallWindowSeconds is >= 0 and <= 86_400,
                "Calls:DuplicateCallWindowSeconds (env Calls__DuplicateCallWindowSeconds) must be 0 to 86400 seconds.")
            .Validate(o => o.StaleAfterMinutes is >= 0 and <= 7 * 24 * 60,
                "Calls:StaleAfterMinutes (env Calls__StaleAfterMinutes) must be 0 to 10080 minutes.")
            .Validate(o => o.DailyTeleCmiCallCap >= 0, "Calls:DailyTeleCmiCallCap (env Calls__DailyTeleCmiCallCap) must not be negative.")
            .ValidateOnStart();

        var destinations = configuration.GetSection(CallDestinationOptions.SectionName);
        services.AddOptions<CallDestinationOptions>().Bind(destinations)
            // One comma-separated value (an environment variable) is a list too: the binder skips a value where it expects an array.
            .Configure(o =>
            {
                if (destinations.GetSection(nameof(o.AllowedCountries)).Value is { Length: > 0 } countries) o.AllowedCountries = [.. o.AllowedCountries, countries];
                if (destinations.GetSection(nameof(o.AllowedNumberTypes)).Value is { Length: > 0 } kinds) o.AllowedNumberTypes = [.. o.AllowedNumberTypes, kinds];
            })
            .PostConfigure(o => o.WithDefaults())
            .Validate(o => o.AllowedCountries.All(PhoneNumber.IsKnownRegion),
                "Calls:AllowedCountries (env Calls__AllowedCountries) must list ISO 3166-1 region codes in upper case, e.g. IN or IN,NP.")
            .Validate(o => o.Kinds() is { } kinds && !kinds.Intersect(DestinationPolicy.NeverDialable).Any(),
                "Calls:AllowedNumberTypes (env Calls__AllowedNumberTypes) must list kinds of line such as Mobile,FixedLine,FixedLineOrMobile (see README); never Emergency.")
            .ValidateOnStart();

        services.AddOptions<ReportRollupOptions>().Bind(configuration.GetSection(ReportRollupOptions.SectionName))
            .Validate(o => o.RefreshMinutes is >= 0 and <= 24 * 60,
                "Reports:Rollup:RefreshMinutes (env Reports__Rollup__RefreshMinutes) must be 0 (off) to 1440 minutes.")
            .Validate(o => o.TodayCacheSeconds is >= 0 and <= 3600,
                "Reports:Rollup:TodayCacheSeconds (env Reports__Rollup__TodayCacheSeconds) must be 0 to 3600 seconds.")
            .ValidateOnStart();

        services.AddOptions<WebhookIntakeOptions>().Bind(configuration.GetSection(WebhookIntakeOptions.SectionName))
            .Validate(o => o.MaxBatch is >= 1 and <= 1024, "Webhooks:MaxBatch (env Webhooks__MaxBatch) must be 1 to 1024.")
            .Validate(o => o.Writers is >= 1 and <= 64, "Webhooks:Writers (env Webhooks__Writers) must be 1 to 64.")
            .ValidateOnStart();

        services.AddOptions<StreamingOptions>().Bind(configuration.GetSection(StreamingOptions.SectionName))
            .Validate(o => o.PollIntervalMilliseconds is >= 100 and <= 10_000,
                "Streaming:PollIntervalMilliseconds (env Streaming__PollIntervalMilliseconds) must be 100 to 10000 ms (at most 1000 for changes to reach other instances within 2 s).")
            .Validate(o => o.HeartbeatSeconds is >= 1 and <= 300, "Streaming:HeartbeatSeconds (env Streaming__HeartbeatSeconds) must be 1 to 300 seconds.")
            .Validate(o => o.ReplayMinutes is >= 1 and <= 60, "Streaming:ReplayMinutes (env Streaming__ReplayMinutes) must be 1 to 60 minutes.")
            .Validate(o => o.RetentionMinutes > o.ReplayMinutes && o.RetentionMinutes <= 24 * 60,
                "Streaming:RetentionMinutes (env Streaming__RetentionMinutes) must be more than Streaming:ReplayMinutes and at most 1440 minutes.")
            .Validate(o => o.SubscriberBuffer is >= 16 and <= 100_000, "Streaming:SubscriberBuffer (env Streaming__SubscriberBuffer) must be 16 to 100000 events.")
            .ValidateOnStart();
        return services;
    }
}
