using TeleCmi.Application.Common.Observability;
using TeleCmi.UnitTests.Support;

namespace TeleCmi.UnitTests.Application;

/// <summary>How late a webhook came, from TeleCMI's <c>time</c> to our receipt; absurd values are not timed.</summary>
public sealed class WebhookDelayTests
{
    private static readonly DateTime Received = new(2025, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    [TestCase(0, 0)]
    [TestCase(-2.5, 2.5)]
    [TestCase(-3600, 3600)]
    [TestCase(-86400, 86400)]
    public void WebhookDelay_IsReceiptMinusTeleCmisTime(double sentOffsetSeconds, double expectedSeconds)
    {
        var delay = TeleCmiMetrics.WebhookDelay(Received.AddSeconds(sentOffsetSeconds), Received);

        Assert.That(delay?.TotalSeconds, Is.EqualTo(expectedSeconds).Within(0.001));
    }

    [Test]
    public void WebhookDelay_StampedALittleInTheFuture_CountsAsZero() =>
        Assert.That(TeleCmiMetrics.WebhookDelay(Received.AddSeconds(20), Received), Is.EqualTo(TimeSpan.Zero), "clocks a little apart");

    [TestCase(301, TestName = "WebhookDelay_StampedMoreThanFiveMinutesAhead_IsNotTimed")]
    [TestCase(-86401, TestName = "WebhookDelay_OlderThanADay_IsNotTimed")]
    [TestCase(-50 * 365 * 86400.0, TestName = "WebhookDelay_OfAnEpochInTheWrongUnit_IsNotTimed")]
    public void WebhookDelay_Absurd_IsNull(double sentOffsetSeconds) =>
        Assert.That(TeleCmiMetrics.WebhookDelay(Received.AddSeconds(sentOffsetSeconds), Received), Is.Null);

    [Test]
    public void WebhookDelay_WithoutATime_IsNull() => Assert.That(TeleCmiMetrics.WebhookDelay(null, Received), Is.Null);

    [Test]
    public void WebhookDelivered_RecordsSecondsTaggedWithTheType_OnlyForSaneTimes()
    {
        using var recorded = new RecordedMetrics();

        recorded.Metrics.WebhookDelivered("cdr", Received.AddSeconds(-4), Received);
        recorded.Metrics.WebhookDelivered("event", null, Received);
        recorded.Metrics.WebhookDelivered("event", Received.AddDays(-30), Received);
        recorded.Metrics.WebhookDelivered("surprise", Received.AddSeconds(-1), Received);

        var delays = recorded.Of("telecmi.webhooks.delay");
        Assert.That(delays.Select(d => (d.Value, d.Tags["type"])), Is.EqualTo(new[] { (4.0, "cdr"), (1.0, "unknown") }));
    }

    [Test]
    public void WebhookReceived_KeepsTheTypeTagToAFixedSet()
    {
        using var recorded = new RecordedMetrics();

        foreach (var type in new[] { "event", "cdr", null, "EVENT", "anything-else" }) recorded.Metrics.WebhookReceived(type, "applied");

        Assert.That(recorded.Of("telecmi.webhooks.received").Select(m => m.Tags["type"]),
            Is.EqualTo(new[] { "event", "cdr", "unknown", "unknown", "unknown" }));
    }
}
