using System.Diagnostics;
using Microsoft.Extensions.Primitives;
using TeleCmi.Api.Infrastructure.Observability;

namespace TeleCmi.UnitTests.Api;

/// <summary>Which client correlation ids are kept: 1 to 64 characters of [A-Za-z0-9._-], sent once.</summary>
public sealed class CorrelationIdTests
{
    [TestCase("a")]
    [TestCase("req-42")]
    [TestCase("app.v2_Req-0001")]
    [TestCase("0af7651916cd43dd8448eb211c80319c")]
    [TestCase("5f1c3a9e-7b2d-4c1e-9a3f-2e8d7c6b5a41")]
    public void IsAcceptable_PlainShortIds(string id) => Assert.That(CorrelationId.IsAcceptable(id), Is.True);

    [TestCase(null)]
    [TestCase("")]
    [TestCase(" ")]
    [TestCase("has space")]
    [TestCase(" padded")]
    [TestCase("line\nbreak")]
    [TestCase("quote\"d")]
    [TestCase("semi;colon")]
    [TestCase("slash/ed")]
    [TestCase("{\"json\":true}")]
    [TestCase("ünïcode")]
    [TestCase("٣٤٥")] // digits, but not ASCII
    public void IsAcceptable_RefusesAnythingElse(string? id) => Assert.That(CorrelationId.IsAcceptable(id), Is.False);

    [Test]
    public void IsAcceptable_Takes64Characters_ButNot65()
    {
        Assert.That(CorrelationId.IsAcceptable(new string('a', 64)), Is.True);
        Assert.That(CorrelationId.IsAcceptable(new string('a', 65)), Is.False);
    }

    [Test]
    public void Choose_KeepsASingleAcceptableValue() => Assert.That(CorrelationId.Choose(new StringValues("req-42"), null), Is.EqualTo("req-42"));

    [Test]
    public void Choose_ReplacesTwoValues() =>
        Assert.That(CorrelationId.Choose(new StringValues(["req-1", "req-2"]), null), Does.Match("^[0-9a-f]{32}$"));

    [Test]
    public void Choose_WithoutAHeader_UsesTheTraceIdOfTheRequest()
    {
        using var activity = new Activity("request").SetIdFormat(ActivityIdFormat.W3C).Start();

        Assert.That(CorrelationId.Choose(StringValues.Empty, activity), Is.EqualTo(activity.TraceId.ToHexString()));
    }

    [Test]
    public void New_WithoutAnActivity_IsARandom32HexDigitId()
    {
        var first = CorrelationId.New(null);

        Assert.That(first, Does.Match("^[0-9a-f]{32}$"));
        Assert.That(CorrelationId.New(null), Is.Not.EqualTo(first));
    }
}
