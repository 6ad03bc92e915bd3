using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TeleCmi.Application.Calls.Common;
using TeleCmi.Application.Calls.ReconcileCalls;
using TeleCmi.Application.Calls.StreamCallEvents;
using TeleCmi.Application.Common.Time;
using TeleCmi.Application.Compliance.Common;
using TeleCmi.Application.Reports.Common;
using TeleCmi.Application.Retention;
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

        services.AddOptions<ComplianceOptions>().Bind(configuration.GetSection(ComplianceOptions.SectionName))
            .PostConfigure(o => o.WithDefaults())
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _),
                "Compliance:TimeZone (env Compliance__TimeZone) is not a known time zone id, e.g. Asia/Kolkata.")
            .Validate(o => o.HasValidDefaultWindow(),
                "Compliance:CallingHours (env Compliance__CallingHours) must be a window HH:mm-HH:mm, e.g. 09:00-21:00 (00:00-24:00 for all day).")
            .Validate(o => o.HasValidDays(),
                "Compliance:Days (env Compliance__Days__Sunday) must map day names (Monday ... Sunday) to a window HH:mm-HH:mm, or closed.")
            .Validate(o => o.HasValidHolidays(),
                "Compliance:Holidays (env Compliance__Holidays) must list dates as yyyy-MM-dd, e.g. 2026-01-26,2026-08-15.")
            .Validate(o => o.OpensSomeDay(),
                "Compliance:CallingHours and Compliance:Days close every day of the week: at least one day needs calling hours.")
            .ValidateOnStart();

        var compliance = configuration.GetSection(ComplianceOptions.SectionName);
        services.Configure<ComplianceOptions>(o =>
        {
            // One comma-separated value (an environment variable) is a list too, as for Calls:AllowedCountries.
            if (compliance.GetSection(nameof(o.Holidays)).Value is { Length: > 0 } holidays) o.Holidays = [.. o.Holidays, holidays];
        });

        services.AddOptions<ReportRollupOptions>().Bind(configuration.GetSection(ReportRollupOptions.SectionName))
            .Validate(o => o.RefreshMinutes is >= 0 and <= 24 * 60,
                "Reports:Rollup:RefreshMinutes (env Reports__Rollup__RefreshMinutes) must be 0 (off) to 1440 minutes.")
            .Validate(o => o.TodayCacheSeconds is >= 0 and <= 3600,
                "Reports:Rollup:TodayCacheSeconds (env Reports__Rollup__TodayCacheSeconds) must be 0 to 3600 seconds.")
            .ValidateOnStart();

        services.AddOptions<ReconciliationOptions>().Bind(configuration.GetSection(ReconciliationOptions.SectionName))
            .Validate(o => o.AfterMinutes is >= 0.01 and <= 24 * 60,
                "Reconciliation:AfterMinutes (env Reconciliation__AfterMinutes) must be 0.01 to 1440 minutes.")
            .Validate(o => o.GiveUpAfterMinutes is <= 7 * 24 * 60 && o.GiveUpAfterMinutes > o.AfterMinutes,
                "Reconciliation:GiveUpAfterMinutes (env Reconciliation__GiveUpAfterMinutes) must be longer than Reconciliation:AfterMinutes and at most 10080 minutes.")
            .Validate(o => o.LookbackHours is >= 1 and <= 7 * 24 && o.LookbackHours * 60 >= o.GiveUpAfterMinutes,
                "Reconciliation:LookbackHours (env Reconciliation__LookbackHours) must be 1 to 168 hours and cover Reconciliation:GiveUpAfterMinutes.")
            .Validate(o => o.IntervalSeconds is >= 1 and <= 3600,
                "Reconciliation:IntervalSeconds (env Reconciliation__IntervalSeconds) must be 1 to 3600 seconds.")
            .Validate(o => o.MatchWindowSeconds is >= 5 and <= 3600,
                "Reconciliation:MatchWindowSeconds (env Reconciliation__MatchWindowSeconds) must be 5 to 3600 seconds.")
            .Validate(o => o.PageSize is >= 1 and <= 20, "Reconciliation:PageSize (env Reconciliation__PageSize) must be 1 to 20 (TeleCMI's largest page).")
            .Validate(o => o.MaxRequestsPerRun is >= 2 and <= 1000,
                "Reconciliation:MaxRequestsPerRun (env Reconciliation__MaxRequestsPerRun) must be 2 to 1000.")
            .Validate(o => o.RequestSpacingMs is >= 0 and <= 60_000,
                "Reconciliation:RequestSpacingMs (env Reconciliation__RequestSpacingMs) must be 0 to 60000 ms.")
            .Validate(o => o.MaxCallsPerRun is >= 1 and <= 10_000,
                "Reconciliation:MaxCallsPerRun (env Reconciliation__MaxCallsPerRun) must be 1 to 10000.")
            .ValidateOnStart();

        services.AddOptions<WebhookIntakeOptions>().Bind(configuration.GetSection(WebhookIntakeOptions.SectionName))
            .Validate(o => o.MaxBatch is >= 1 and <= 1024, "Webhooks:MaxBatch (env Webhooks__MaxBatch) must be 1 to 1024.")
            .Validate(o => o.Writers is >= 1 and <= 64, "Webhooks:Writers (env Webhooks__Writers) must be 1 to 64.")
            .ValidateOnStart();

        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.SectionName))
            .Validate(o => o.RecordingDays is >= 1 and <= 36_500, "Retention:RecordingDays (env Retention__RecordingDays) must be 1 to 36500 days.")
            .Validate(o => o.PersonalDataDays is >= 1 and <= 36_500, "Retention:PersonalDataDays (env Retention__PersonalDataDays) must be 1 to 36500 days.")
            .Validate(o => o.WebhookDeliveryDays is >= 1 and <= 18_250,
                "Retention:WebhookDeliveryDays (env Retention__WebhookDeliveryDays) must be 1 to 18250 days.")
            .Validate(o => o.RunAtTime is not null, "Retention:RunAt (env Retention__RunAt) must be a time of day HH:mm, e.g. 02:30.")
            .Validate(o => o.BatchSize is >= 1 and <= 10_000, "Retention:BatchSize (env Retention__BatchSize) must be 1 to 10000.")
            .Validate(o => o.PauseBetweenBatchesMilliseconds is >= 0 and <= 60_000,
                "Retention:PauseBetweenBatchesMilliseconds (env Retention__PauseBetweenBatchesMilliseconds) must be 0 to 60000.")
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
