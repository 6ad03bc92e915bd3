using TeleCmi.Domain.Calls;
using TeleCmi.UnitTests.Support;
using static TeleCmi.UnitTests.Support.CallFacts;

namespace TeleCmi.UnitTests.Domain;

/// <summary>Bugs found by the property tests, kept fixed.</summary>
public sealed class CallLogRegressionTests
{
    [Test]
    public void Apply_DriverAnsweredAfterTheAgentLegEnded_CompletesInsteadOfReopeningTheCall()
    {
        var call = DispatchedCall();
        call.Apply(Cdr(CallLeg.Agent, "answered", 50, talkSeconds: 45, hangupReason: "sent_bye"), T0.AddSeconds(51));
        Assert.That(call.Status, Is.EqualTo(CallStatus.Missed));

        call.Apply(Event(CallLeg.Driver, "answered", 12), T0.AddSeconds(52));

        Assert.That(call.Status, Is.EqualTo(CallStatus.Completed), "a terminal call never goes back to answered");
        Assert.That(call.IsTerminal, Is.True);
    }

    [TestCase("x.mp3\n")]
    [TestCase("x.mp3\r\n")]
    public void RecordingFileName_WithATrailingLineBreak_IsRefused(string name)
    {
        Assert.That(RecordingFileNameRule.IsValid(name), Is.False);
    }
}
