using System.Text.Json;
using TeleCmi.Application.Webhooks.Common;

namespace TeleCmi.UnitTests.Application;

public sealed class TeleCmiWebhookParserTests
{
    private static readonly DateTime EventTime = new(2025, 1, 15, 10, 0, 0, 123, DateTimeKind.Utc);
    private const long EventTimeMs = 1_736_935_200_123;

    [Test]
    public void Parse_ARealisticBLegCdr_ReadsEveryFieldWeUse()
    {
        const string body = """
            {"type":"cdr","status":"answered","leg":"b","cmiuuid":"b-leg-1","conversation_uuid":"conv-1",
             "request_id":"req-1","extra_params":{"call_id":"call_abc"},"time":1736935200123,"answeredsec":98,
             "hangup_reason":"recv_bye","record":true,"filename":"1736935200_5003.mp3","to":919876543210,
             "from":"911140000000","user":"5003_1111112","appid":1111112,"direction":"outbound"}
            """;

        var hook = TeleCmiWebhook.Parse(body);

        Assert.That(hook, Is.EqualTo(new TeleCmiWebhook(
            Type: "cdr", Status: "answered", Leg: "b", LegId: "b-leg-1", ConversationId: "conv-1", RequestId: "req-1",
            EchoedCallId: "call_abc", Time: EventTime, AnsweredSeconds: 98, HangupReason: "recv_bye",
            RecordingFile: "1736935200_5003.mp3", To: "919876543210", From: "911140000000", User: "5003_1111112", AppId: "1111112")));
    }

    [TestCase("""{"to":919876543210,"from":911140000000}""", TestName = "Parse_NumbersAsJsonNumbers_AreReadAsDigits")]
    [TestCase("""{"to":"919876543210","from":"911140000000"}""", TestName = "Parse_NumbersAsJsonStrings_AreReadAsDigits")]
    public void Parse_PhoneNumbersAsStringsOrNumbers_ReadTheSame(string body)
    {
        var hook = TeleCmiWebhook.Parse(body);

        Assert.Multiple(() =>
        {
            Assert.That(hook.To, Is.EqualTo("919876543210"));
            Assert.That(hook.From, Is.EqualTo("911140000000"));
        });
    }

    [TestCase("""{"app_id":1111112}""")]
    [TestCase("""{"app_id":"1111112"}""")]
    [TestCase("""{"appid":1111112}""")]
    [TestCase("""{"appid":"1111112"}""")]
    public void Parse_AppIdUnderEitherName_IsRead(string body) =>
        Assert.That(TeleCmiWebhook.Parse(body).AppId, Is.EqualTo("1111112"));

    [Test]
    public void Parse_AppIdAndAppidBoth_PrefersAppId() =>
        Assert.That(TeleCmiWebhook.Parse("""{"app_id":"1","appid":"2"}""").AppId, Is.EqualTo("1"));

    [TestCase("""{"extra_params":{"call_id":"call_abc"}}""", TestName = "Parse_ExtraParamsAsAnObject_GivesTheCallId")]
    [TestCase("""{"extra_params":{"callId":"call_abc"}}""", TestName = "Parse_ExtraParamsWithCamelCaseKey_GivesTheCallId")]
    [TestCase("""{"extra_params":"{\"call_id\":\"call_abc\"}"}""", TestName = "Parse_ExtraParamsAsAJsonString_GivesTheCallId")]
    [TestCase("""{"extra_params":" {\"callid\":\"call_abc\"}"}""", TestName = "Parse_ExtraParamsAsAJsonStringWithLeadingSpace_GivesTheCallId")]
    [TestCase("""{"custom":"call_abc"}""", TestName = "Parse_CustomHoldingTheCallId_GivesTheCallId")]
    [TestCase("""{"custom":{"call_id":"call_abc"}}""", TestName = "Parse_CustomAsAnObject_GivesTheCallId")]
    [TestCase("""{"extra_params":{"other":"x"},"custom":"call_abc"}""", TestName = "Parse_ExtraParamsWithoutCallId_FallsBackToCustom")]
    public void Parse_EchoedCallId_IsFound(string body) =>
        Assert.That(TeleCmiWebhook.Parse(body).EchoedCallId, Is.EqualTo("call_abc"));

    [TestCase("""{"extra_params":"not json"}""", TestName = "Parse_ExtraParamsAsAPlainString_HasNoCallId")]
    [TestCase("""{"extra_params":"{broken"}""", TestName = "Parse_ExtraParamsAsBrokenJson_HasNoCallIdAndDoesNotThrow")]
    [TestCase("""{"extra_params":{"call_id":42}}""", TestName = "Parse_ExtraParamsWithANumericCallId_HasNoCallId")]
    [TestCase("""{"custom":"something else"}""", TestName = "Parse_CustomWithoutOurPrefix_HasNoCallId")]
    [TestCase("""{}""", TestName = "Parse_NoEchoedParameters_HasNoCallId")]
    public void Parse_NoUsableEchoedCallId_GivesNull(string body) =>
        Assert.That(TeleCmiWebhook.Parse(body).EchoedCallId, Is.Null);

    [TestCase("""{"time":1736935200123}""", TestName = "Parse_TimeAsEpochMillisecondsNumber_IsUtc")]
    [TestCase("""{"time":"1736935200123"}""", TestName = "Parse_TimeAsEpochMillisecondsString_IsUtc")]
    public void Parse_TimeInMilliseconds_IsReadToTheMillisecond(string body)
    {
        var time = TeleCmiWebhook.Parse(body).Time;

        Assert.Multiple(() =>
        {
            Assert.That(time, Is.EqualTo(EventTime));
            Assert.That(time!.Value.Kind, Is.EqualTo(DateTimeKind.Utc));
        });
    }

    [TestCase("""{"time":1736935200}""", TestName = "Parse_TimeAsEpochSecondsNumber_IsUtc")]
    [TestCase("""{"time":"1736935200"}""", TestName = "Parse_TimeAsEpochSecondsString_IsUtc")]
    public void Parse_TimeInSeconds_IsRead(string body)
    {
        var time = TeleCmiWebhook.Parse(body).Time;

        Assert.Multiple(() =>
        {
            Assert.That(time, Is.EqualTo(new DateTime(2025, 1, 15, 10, 0, 0, DateTimeKind.Utc)));
            Assert.That(time!.Value.Kind, Is.EqualTo(DateTimeKind.Utc));
        });
    }

    [TestCase("""{"time":"yesterday"}""")]
    [TestCase("""{"time":0}""")]
    [TestCase("""{"time":-5}""")]
    [TestCase("""{"time":99999999999999999}""")]
    [TestCase("""{"time":null}""")]
    [TestCase("""{}""")]
    public void Parse_UnusableTime_GivesNull(string body) =>
        Assert.That(TeleCmiWebhook.Parse(body).Time, Is.Null);

    [TestCase("""{"answeredsec":"95"}""", 95)]
    [TestCase("""{"answeredsec":95}""", 95)]
    [TestCase("""{"answeredsec":"0"}""", 0)]
    [TestCase("""{"answeredsec":95.4}""", 95)]
    public void Parse_AnsweredSecondsAsStringOrNumber_ReadTheSame(string body, int expected) =>
        Assert.That(TeleCmiWebhook.Parse(body).AnsweredSeconds, Is.EqualTo(expected));

    [TestCase("""{"answeredsec":"-3"}""")]
    [TestCase("""{"answeredsec":"lots"}""")]
    [TestCase("""{"answeredsec":99999999999}""")]
    [TestCase("""{}""")]
    public void Parse_UnusableAnsweredSeconds_GivesNull(string body) =>
        Assert.That(TeleCmiWebhook.Parse(body).AnsweredSeconds, Is.Null);

    [Test]
    public void Parse_UnknownStatus_IsKeptLowerCase()
    {
        var hook = TeleCmiWebhook.Parse("""{"type":"Event","status":" Transferred ","leg":"B"}""");

        Assert.Multiple(() =>
        {
            Assert.That(hook.Type, Is.EqualTo("event"));
            Assert.That(hook.Status, Is.EqualTo("transferred"));
            Assert.That(hook.Leg, Is.EqualTo("b"));
        });
    }

    [TestCase("""{"record":"1736935200_5003.mp3"}""", "1736935200_5003.mp3", TestName = "Parse_RecordHoldingAFileName_IsTheRecording")]
    [TestCase("""{"record":true,"filename":"f.mp3"}""", "f.mp3", TestName = "Parse_RecordAsAFlagWithFilename_UsesFilename")]
    [TestCase("""{"record":"true"}""", null, TestName = "Parse_RecordAsAStringFlag_IsNotARecording")]
    [TestCase("""{"record":true}""", null, TestName = "Parse_RecordAsABooleanFlag_IsNotARecording")]
    [TestCase("""{"record_file":"r.wav"}""", "r.wav", TestName = "Parse_RecordFile_IsTheRecording")]
    public void Parse_RecordingFileName(string body, string? expected) =>
        Assert.That(TeleCmiWebhook.Parse(body).RecordingFile, Is.EqualTo(expected));

    [Test]
    public void Parse_UnknownFieldsAndEmptyStrings_AreIgnored()
    {
        var hook = TeleCmiWebhook.Parse("""{"type":"event","status":"","cmiuuid":"","surprise":{"deep":[1,2,3]}}""");

        Assert.Multiple(() =>
        {
            Assert.That(hook.Type, Is.EqualTo("event"));
            Assert.That(hook.Status, Is.Null);
            Assert.That(hook.LegId, Is.Null);
        });
    }

    [TestCase("[]")]
    [TestCase("""[{"type":"cdr"}]""")]
    [TestCase("42")]
    [TestCase("\"cdr\"")]
    [TestCase("null")]
    [TestCase("not json")]
    [TestCase("")]
    [TestCase("""{"type":"cdr" """)]
    public void Parse_BodyThatIsNotAJsonObject_ThrowsJsonException(string body) =>
        Assert.Catch<JsonException>(() => TeleCmiWebhook.Parse(body));

    [Test]
    public void Parse_NestingDeeperThanSixteen_ThrowsJsonException() =>
        Assert.Catch<JsonException>(() => TeleCmiWebhook.Parse("{\"a\":" + new string('[', 20) + new string(']', 20) + "}"));
}
