using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TeleCmi.Application.Common.Time;
using TeleCmi.Domain.Calls;
using TeleCmi.Domain.Common;
using TeleCmi.Infrastructure.Persistence;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Reports;

/// <summary>
/// Builds a fixed data set straight into the database (calls at chosen past times, which the API cannot do), and
/// pins the business clock. Times are written in IST (UTC+05:30, no DST), so the expected figures can be worked
/// out by hand.
/// </summary>
public static class ReportData
{
    /// <summary>"Now" for reports and follow-ups: Friday 13 March 2026, 15:00 IST.</summary>
    public static readonly DateTimeOffset Now = Ist("2026-03-13 15:00");

    /// <summary>A local IST time as a UTC instant.</summary>
    public static DateTimeOffset Ist(string local) =>
        new(DateTime.ParseExact(local, ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"], CultureInfo.InvariantCulture), TimeSpan.FromMinutes(330));

    /// <summary>Pins the clock reports and follow-ups read (sign-in keeps the real clock so tokens stay valid).</summary>
    public static void PinBusinessClock(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<BusinessCalendar>();
            services.AddSingleton(sp => new BusinessCalendar(sp.GetRequiredService<IOptions<BusinessTimeOptions>>(), new FixedClock(Now)));
        });

    public static CallParty Driver(string id, string name, string phone) => new(id, name, "TM1", PhoneNumber.Parse(phone));

    /// <summary>A TeleCMI call the driver answered, talked <paramref name="talkSeconds"/>, and ended.</summary>
    public static CallLog Completed(int agentId, CallParty driver, string ist, int talkSeconds, CallOutcome? outcome = null) =>
        Completed(agentId, driver, Ist(ist), talkSeconds, outcome);

    /// <summary>A completed TeleCMI call at an instant given with any offset.</summary>
    public static CallLog Completed(int agentId, CallParty driver, DateTimeOffset when, int talkSeconds, CallOutcome? outcome = null)
    {
        var at = when.UtcDateTime;
        var call = Dispatched(agentId, driver, at);
        call.Apply(new ProviderSignal(SignalKind.Cdr, CallLeg.Driver, "answered", at.AddSeconds(talkSeconds + 15), talkSeconds), at.AddSeconds(talkSeconds + 16));
        Feedback(call, outcome, at);
        return Expect(call, CallStatus.Completed);
    }

    /// <summary>A TeleCMI call the driver did not answer.</summary>
    public static CallLog Missed(int agentId, CallParty driver, string ist, CallOutcome? outcome = null)
    {
        var at = Ist(ist).UtcDateTime;
        var call = Dispatched(agentId, driver, at);
        call.Apply(new ProviderSignal(SignalKind.Cdr, CallLeg.Driver, "missed", at.AddSeconds(40)), at.AddSeconds(41));
        Feedback(call, outcome, at);
        return Expect(call, CallStatus.Missed);
    }

    /// <summary>A TeleCMI call TeleCMI refused.</summary>
    public static CallLog Failed(int agentId, CallParty driver, string ist)
    {
        var at = Ist(ist).UtcDateTime;
        var call = CallLog.StartTeleCmiCall(agentId, driver, at);
        call.MarkFailed("TeleCMI refused: 404 user not found", at.AddSeconds(1));
        return Expect(call, CallStatus.Failed);
    }

    /// <summary>A TeleCMI call TeleCMI refused, at an instant given with any offset.</summary>
    public static CallLog Failed(int agentId, CallParty driver, DateTimeOffset when)
    {
        var at = when.UtcDateTime;
        var call = CallLog.StartTeleCmiCall(agentId, driver, at);
        call.MarkFailed("TeleCMI refused the call (code 404): Invalid number", at.AddSeconds(1));
        return Expect(call, CallStatus.Failed);
    }

    /// <summary>An attempt that never reached TeleCMI (TeleCMI down): kept, but no call.</summary>
    public static CallLog NotPlaced(int agentId, CallParty driver, DateTimeOffset when)
    {
        var at = when.UtcDateTime;
        var call = CallLog.StartTeleCmiCall(agentId, driver, at);
        call.MarkNotPlaced("TeleCMI unavailable, no call was placed: TeleCMI answered HTTP 503", at.AddSeconds(1));
        return Expect(call, CallStatus.NotPlaced);
    }

    /// <summary>A TeleCMI call accepted by TeleCMI with no webhook yet.</summary>
    public static CallLog Initiated(int agentId, CallParty driver, string ist) =>
        Expect(Dispatched(agentId, driver, Ist(ist).UtcDateTime), CallStatus.Initiated);

    /// <summary>A call dialled by hand and logged by the agent.</summary>
    public static CallLog Manual(int agentId, CallParty driver, string ist, CallOutcome outcome, int? durationSeconds = null,
        string? remarks = null, DateTimeOffset? followUpAt = null) =>
        CallLog.LogManualCall(agentId, driver, new AgentReport(outcome, Remarks: remarks, DurationSeconds: durationSeconds, FollowUpAt: followUpAt?.UtcDateTime),
            Ist(ist).UtcDateTime);

    /// <summary>Records the agent's outcome and follow-up on a call, a minute after it started.</summary>
    public static CallLog WithFeedback(CallLog call, CallOutcome outcome, DateTimeOffset? followUpAt = null, string? feedback = null, string? remarks = null)
    {
        call.RecordFeedback(new AgentReport(outcome, feedback, remarks, FollowUpAt: followUpAt?.UtcDateTime), call.CreatedAt.AddMinutes(1));
        return call;
    }

    public static async Task SaveAsync(TeleCmiApiFactory factory, params CallLog[] calls)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.CallLogs.AddRange(calls);
        await db.SaveChangesAsync();
    }

    private static CallLog Dispatched(int agentId, CallParty driver, DateTime at)
    {
        var call = CallLog.StartTeleCmiCall(agentId, driver, at);
        call.MarkDispatched("req-" + Guid.NewGuid().ToString("N")[..12], at.AddSeconds(1));
        return call;
    }

    private static void Feedback(CallLog call, CallOutcome? outcome, DateTime at)
    {
        if (outcome is { } o) call.RecordFeedback(new AgentReport(o), at.AddMinutes(5));
    }

    private static CallLog Expect(CallLog call, CallStatus status) =>
        call.Status == status ? call : throw new InvalidOperationException($"Test data: expected {status}, built {call.Status}.");

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
