using TeleCmi.Api.Errors;
using TeleCmi.Domain.Calls;

namespace TeleCmi.UnitTests.Api;

/// <summary>System.Text.Json's error paths become the error keys a client expects, with the type expected there.</summary>
public sealed class JsonBodyPathTests
{
    private sealed record Row(string Phone, CallOutcome? Outcome);

    private sealed record Import(IReadOnlyList<Row> Items, string DisplayName);

    [TestCase("$.displayName", "displayName")]
    [TestCase("$.DisplayName", "displayName")]
    [TestCase("$['displayName']", "displayName")]
    [TestCase("$.items[3].phone", "items[3].phone")]
    [TestCase("$.Items[3].Phone", "items[3].phone")]
    [TestCase("$", "body")]
    [TestCase("", "body")]
    [TestCase("$[0]", "body")]
    public void ErrorPath_BecomesTheFieldsJsonName(string path, string key) =>
        Assert.That(JsonBodyPath.Parse(path, typeof(Import)).Key, Is.EqualTo(key));

    [TestCase("$[3].phone", "[3].phone")]
    [TestCase("$[0]", "[0]")]
    [TestCase("$", "body")]
    public void ABodyThatIsAnArray_NamesItsRowsFromTheRoot(string path, string key) =>
        Assert.That(JsonBodyPath.Parse(path, typeof(List<Row>)).Key, Is.EqualTo(key));

    [Test]
    public void AnEnumInsideAList_IsFound_AndItsValuesNamed()
    {
        var place = JsonBodyPath.Parse("$.items[0].outcome", typeof(Import));

        Assert.That(place.ExpectedType, Is.EqualTo(typeof(CallOutcome?)));
        Assert.That(ExpectedValueMessage.For(place.ExpectedType), Does.Contain("not_reachable").And.Contain("call_back_later"));
    }

    [TestCase(typeof(int?), "whole number")]
    [TestCase(typeof(bool), "true or false")]
    [TestCase(typeof(DateTimeOffset?), "ISO 8601")]
    [TestCase(typeof(string), "string")]
    [TestCase(typeof(List<string>), "array")]
    public void TheMessage_SaysWhatTheFieldTakes(Type type, string expected) =>
        Assert.That(ExpectedValueMessage.For(type), Does.Contain(expected));
}
