using FluentValidation;
using TeleCmi.Api.Compatibility;
using TeleCmi.Domain.Calls;

namespace TeleCmi.UnitTests.Api;

/// <summary>How the seed's words and field names translate to this service's, and back.</summary>
public sealed class SeedTranslationTests
{
    [Test]
    public void EveryOutcome_ShownAsASeedWord_ReadsBackAsTheSameOutcome()
    {
        foreach (var outcome in Enum.GetValues<CallOutcome>())
            Assert.That(SeedStatusWords.ToOutcome(SeedStatusWords.CallStatusOf(outcome, CallStatus.Completed)), Is.EqualTo(outcome), outcome.ToString);
    }

    [TestCase(CallStatus.Initiating, "pending")]
    [TestCase(CallStatus.Initiated, "pending")]
    [TestCase(CallStatus.Ringing, "pending")]
    [TestCase(CallStatus.Answered, "connected")]
    [TestCase(CallStatus.Completed, "completed")]
    [TestCase(CallStatus.Missed, "missed")]
    [TestCase(CallStatus.Failed, "failed")]
    [TestCase(CallStatus.NotPlaced, "failed")]
    [TestCase(CallStatus.Unknown, "pending")]
    public void WithoutAnOutcome_TheCallStatusIsTeleCmisInTheSeedsWords(CallStatus status, string word) =>
        Assert.That(SeedStatusWords.CallStatusOf(null, status), Is.EqualTo(word));

    [TestCase("  CallBack-Later ", CallOutcome.CallBackLater)]
    [TestCase("NOT REACHABLE", CallOutcome.NotReachable)]
    [TestCase("", CallOutcome.Connected)]
    public void Words_AreReadWhateverTheirCaseAndSeparators(string word, CallOutcome outcome) =>
        Assert.That(SeedStatusWords.ToOutcome(word), Is.EqualTo(outcome));

    [Test]
    public void Pending_IsNoOutcome_AndIsRefusedNamingStatus()
    {
        var refusal = Assert.Throws<ValidationException>(() => SeedStatusWords.ToOutcome("pending"))!;
        Assert.That(refusal.Errors.Single().PropertyName, Is.EqualTo("status"));
    }

    [Test]
    public void ErrorMessages_NameTheSeedsFields()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SeedFieldNames.Rename("phone"), Is.EqualTo("driver_mobile"));
            Assert.That(SeedFieldNames.Rename("limit"), Is.EqualTo("limit"));
            Assert.That(SeedFieldNames.RenameIn("'driverId' must not be empty; 'phone' too."), Is.EqualTo("'driver_id' must not be empty; 'driver_mobile' too."));
        });
    }
}
