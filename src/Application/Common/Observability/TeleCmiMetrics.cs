using System.Diagnostics.Metrics;
using TeleCmi.Domain.Calls;
using TeleCmi.Domain.Webhooks;

namespace TeleCmi.Application.Common.Observability;

/// <summary>
/// The service's own instruments (meter <see cref="MeterName"/>), recorded with the BCL's
/// <see cref="System.Diagnostics.Metrics"/> so the use cases do not depend on an exporter. Tag values are a small,
/// fixed vocabulary; never an id, a number or free text (each distinct value is a new time series).
/// </summary>
/// <remarks>Created through <see cref="IMeterFactory"/>, so each host (and each test host) has its own meter.</remarks>
public sealed class TeleCmiMetrics
{
    public const string MeterName = "TeleCmi";

    private readonly Counter<long> callsInitiated;
    private readonly Histogram<double> providerDuration;
    private readonly Counter<long> webhooksReceived;
    private readonly Counter<long> webhooksReplayed;
    private readonly Histogram<double> webhookDelay;
    private readonly Histogram<int> webhookBatch;
    private readonly Counter<long> callsReconciled;
    private readonly Counter<long> callRecordRequests;

    public TeleCmiMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        callsInitiated = meter.CreateCounter<long>("telecmi.calls.initiated",
            description: "Calls asked for, by provider (telecmi, manual) and result (accepted, refused, not_placed, unconfirmed, " +
                         "daily_cap, duplicate, logged).");
        providerDuration = meter.CreateHistogram("telecmi.provider.duration", unit: "s",
            description: "Time TeleCMI took to answer, retries included, by operation (click_to_call, recording) and outcome.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 15, 30, 60] });
        webhooksReceived = meter.CreateCounter<long>("telecmi.webhooks.received",
            description: "Webhook deliveries, by type (event, cdr, unknown) and result (applied, no_change, unmatched, ignored, " +
                         "rejected, invalid, failed).");
        webhooksReplayed = meter.CreateCounter<long>("telecmi.webhooks.replayed",
            description: "Unmatched deliveries applied again once their call learnt its request id, by result (applied, no_change, unmatched, ignored).");
        webhookDelay = meter.CreateHistogram("telecmi.webhooks.delay", unit: "s",
            description: "From TeleCMI's 'time' in a webhook to its receipt here, by type (event, cdr, unknown).",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900, 3600, 21600, 86400] });
        webhookBatch = meter.CreateHistogram<int>("telecmi.webhooks.batch_size", unit: "{delivery}",
            description: "Deliveries committed together in one transaction by the webhook intake (group commit), by outcome " +
                         "(committed; split: the batch failed and its deliveries were stored one by one).",
            tags: null, advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128] });
        callsReconciled = meter.CreateCounter<long>("telecmi.reconciliation.calls",
            description: "Calls reconciliation looked up in TeleCMI's call records, by result (applied, no_change, not_found, not_placed, unrecorded).");
        callRecordRequests = meter.CreateCounter<long>("telecmi.reconciliation.requests",
            description: "Pages of TeleCMI's call records asked for by reconciliation, by outcome (ok, failed, rate_limited).");
    }

    /// <summary>Reconciliation looked a call up: <paramref name="result"/> is one of <see cref="ReconciliationResults"/>.</summary>
    public void CallReconciled(string result) => callsReconciled.Add(1, new KeyValuePair<string, object?>("result", result));

    /// <summary>Reconciliation asked TeleCMI for a page of call records: <c>ok</c>, <c>failed</c> or <c>rate_limited</c>.</summary>
    public void CallRecordsRequest(string outcome) => callRecordRequests.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>The <c>result</c> tag values of <c>telecmi.reconciliation.calls</c>.</summary>
    public static class ReconciliationResults
    {
        /// <summary>A record matched and taught the call something (usually its end).</summary>
        public const string Applied = "applied";
        /// <summary>A record matched, but the call knew it all already.</summary>
        public const string NoChange = "no_change";
        /// <summary>No record yet; looked up again next run.</summary>
        public const string NotFound = "not_found";
        /// <summary>No record after the longer wait and no webhook ever came: marked not placed.</summary>
        public const string NotPlaced = "not_placed";
        /// <summary>No record after the longer wait, but a webhook told of a leg: left as it is.</summary>
        public const string Unrecorded = "unrecorded";
    }

    /// <summary>A call was asked for: <paramref name="result"/> is one of <see cref="CallResults"/>.</summary>
    public void CallInitiated(CallProvider provider, string result) =>
        callsInitiated.Add(1, new KeyValuePair<string, object?>("provider", ProviderTag(provider)), new KeyValuePair<string, object?>("result", result));

    /// <summary>One TeleCMI request ended: <paramref name="operation"/> is <c>click_to_call</c> or <c>recording</c>.</summary>
    public void ProviderRequest(string operation, string outcome, TimeSpan elapsed) =>
        providerDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("operation", operation), new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>A webhook delivery was handled; <paramref name="type"/> is TeleCMI's <c>type</c> field as sent.</summary>
    public void WebhookReceived(string? type, string result) =>
        webhooksReceived.Add(1, new KeyValuePair<string, object?>("type", WebhookType(type)), new KeyValuePair<string, object?>("result", result));

    /// <summary>An unmatched delivery was applied again once its call appeared.</summary>
    public void WebhookReplayed(string result) => webhooksReplayed.Add(1, new KeyValuePair<string, object?>("result", result));

    /// <summary>The webhook intake committed (<c>committed</c>) or had to split (<c>split</c>) a batch of deliveries.</summary>
    public void WebhookBatch(int size, string outcome) =>
        webhookBatch.Record(size, new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>Records the delay of a webhook, unless its <c>time</c> is absent or absurd (see <see cref="WebhookDelay"/>).</summary>
    public void WebhookDelivered(string? type, DateTime? sentAt, DateTime receivedAt)
    {
        if (WebhookDelay(sentAt, receivedAt) is { } delay)
            webhookDelay.Record(delay.TotalSeconds, new KeyValuePair<string, object?>("type", WebhookType(type)));
    }

    /// <summary>
    /// How late a webhook came: receipt minus TeleCMI's <c>time</c> (both UTC). A small negative value (clocks a little
    /// apart) counts as zero; no time, a time more than <see cref="MaxClockSkew"/> in the future, or one older than
    /// <see cref="MaxDelay"/> (a replay, a test payload, a wrong unit) gives null: such a value would only distort the histogram.
    /// </summary>
    public static TimeSpan? WebhookDelay(DateTime? sentAt, DateTime receivedAt)
    {
        if (sentAt is null) return null;
        var delay = receivedAt - sentAt.Value;
        if (delay < -MaxClockSkew || delay > MaxDelay) return null;
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }

    /// <summary>How far TeleCMI's clock may run ahead of ours before a webhook's time is ignored.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Older webhooks are not timed.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(1);

    /// <summary>The <c>result</c> tag values of <c>telecmi.calls.initiated</c>.</summary>
    public static class CallResults
    {
        /// <summary>TeleCMI accepted the click-to-call.</summary>
        public const string Accepted = "accepted";
        /// <summary>TeleCMI refused it (e.g. an invalid number or user).</summary>
        public const string Refused = "refused";
        /// <summary>TeleCMI was unavailable or the circuit was open; no call was placed.</summary>
        public const string NotPlaced = "not_placed";
        /// <summary>TeleCMI did not answer in time; the call may still have been placed.</summary>
        public const string Unconfirmed = "unconfirmed";
        /// <summary>Refused by us: the agent reached the daily cap.</summary>
        public const string DailyCap = "daily_cap";
        /// <summary>Refused by us: the agent is already calling that driver.</summary>
        public const string Duplicate = "duplicate";
        /// <summary>A manual call was logged.</summary>
        public const string Logged = "logged";
    }

    /// <summary>What became of a delivery, in the webhook receipt's own words (snake_case), so the metric and the API agree.</summary>
    public static string ResultOf(WebhookMatch match) => match switch
    {
        WebhookMatch.Applied => "applied",
        WebhookMatch.NoChange => "no_change",
        WebhookMatch.Unmatched => "unmatched",
        WebhookMatch.Ignored => "ignored",
        _ => "received",
    };

    private static string ProviderTag(CallProvider provider) => provider switch
    {
        CallProvider.TeleCmi => "telecmi",
        CallProvider.Manual => "manual",
        _ => "other",
    };

    private static string WebhookType(string? type) => type is "event" or "cdr" ? type : "unknown";
}
