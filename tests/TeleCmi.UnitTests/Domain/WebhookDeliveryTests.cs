using TeleCmi.Application.Webhooks.Common;
using TeleCmi.Domain.Webhooks;

namespace TeleCmi.UnitTests.Domain;

public sealed class WebhookDeliveryTests
{
    private static readonly DateTime T0 = new(2026, 11, 25, 9, 30, 0, DateTimeKind.Utc);

    [Test]
    public void Processed_WhenUnmatched_KeepsWhy_AndIsNotMatched()
    {
        var delivery = new WebhookDelivery("{}", "hash", T0);

        delivery.Processed(WebhookMatch.Unmatched, null, T0, "No call has request_id 'r1'.");

        Assert.That((delivery.IsMatched, delivery.Match, delivery.Reason), Is.EqualTo((false, WebhookMatch.Unmatched, "No call has request_id 'r1'.")));
    }

    [Test]
    public void Processed_WhenAReplayApplies_MarksItMatched_AndForgetsTheReason()
    {
        var delivery = new WebhookDelivery("{}", "hash", T0);
        delivery.Processed(WebhookMatch.Unmatched, null, T0, "No call has request_id 'r1'.");

        delivery.Processed(WebhookMatch.Applied, "call_1", T0.AddMinutes(5));

        Assert.That((delivery.IsMatched, delivery.CallId, delivery.Match, delivery.Reason, delivery.Attempts),
            Is.EqualTo((true, "call_1", WebhookMatch.Applied, (string?)null, 2)));
    }

    [Test]
    public void Processed_WhenADeliveryThatAppliedIsReplayedToNoChange_StaysApplied()
    {
        var delivery = new WebhookDelivery("{}", "hash", T0);
        delivery.Processed(WebhookMatch.Applied, "call_1", T0);

        delivery.Processed(WebhookMatch.NoChange, "call_1", T0.AddMinutes(5), WebhookMatchReasons.NothingNew);

        Assert.That((delivery.Match, delivery.Reason, delivery.Attempts, delivery.ProcessedAt),
            Is.EqualTo((WebhookMatch.Applied, (string?)null, 2, (DateTime?)T0.AddMinutes(5))));
    }

    [Test]
    public void Processed_ClipsALongReason()
    {
        var delivery = new WebhookDelivery("{}", "hash", T0);

        delivery.Processed(WebhookMatch.Unmatched, null, T0, new string('x', 1000));

        Assert.That(delivery.Reason, Has.Length.EqualTo(WebhookDelivery.MaxReasonLength));
    }

    [Test]
    public void TheReasonForNoCall_NamesTheIdsLookedFor_OrThatThereWereNone()
    {
        var named = TeleCmiWebhook.Parse("""{"type":"cdr","request_id":"r1","cmiuuid":"leg-1","conversation_uuid":"conv-1","to":919876543210}""");
        var anonymous = TeleCmiWebhook.Parse("""{"type":"cdr","to":919876543210}""");

        Assert.Multiple(() =>
        {
            Assert.That(WebhookMatchReasons.NoCall(named), Does.Contain("request_id 'r1'").And.Contain("cmiuuid 'leg-1'").And.Contain("conversation_uuid 'conv-1'"));
            Assert.That(WebhookMatchReasons.NoCall(named), Does.Not.Contain("9876543210"), "never a phone number");
            Assert.That(WebhookMatchReasons.NoCall(anonymous), Does.StartWith("Names no call"));
        });
    }
}
