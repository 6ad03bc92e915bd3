using TeleCmi.Domain.Calls;

namespace TeleCmi.UnitTests.Domain;

public sealed class FeedbackFieldsTests
{
    [TestCase("status")]
    [TestCase("provider")]
    [TestCase("agentId")]
    [TestCase("agent")]
    [TestCase("callerId")]
    [TestCase("driverId")]
    [TestCase("driver")]
    [TestCase("driverPhone")]
    [TestCase("id")]
    public void IsRecordedByTheService_ForWhatTheServiceRecords_IsTrue(string field) =>
        Assert.That(FeedbackFields.IsRecordedByTheService(field), Is.True);

    [TestCase("STATUS")]
    [TestCase("DriverPhone")]
    public void IsRecordedByTheService_IgnoresCase(string field) => Assert.That(FeedbackFields.IsRecordedByTheService(field), Is.True);

    [TestCase("outcome")]
    [TestCase("feedback")]
    [TestCase("remarks")]
    [TestCase("notes")]
    [TestCase("durationSeconds")]
    [TestCase("followUpAt")]
    [TestCase("somethingElse")]
    public void IsRecordedByTheService_ForWhatTheAgentReportsOrAnUnknownField_IsFalse(string field) =>
        Assert.That(FeedbackFields.IsRecordedByTheService(field), Is.False);
}
