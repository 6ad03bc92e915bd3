using TeleCmi.Api.Import;

namespace TeleCmi.UnitTests.Api;

/// <summary>CSV as spreadsheets and scripts write it: quotes, line ends, a byte-order mark.</summary>
public sealed class CsvRecordsTests
{
    private static List<(int Line, string[] Fields)> Read(string text) =>
        CsvRecords.Read(text).Select(r => (r.Line, r.Fields.ToArray())).ToList();

    [Test]
    public void QuotedFields_HoldCommasDoubledQuotesAndLineBreaks_AndLinesAreCountedThroughThem()
    {
        var records = Read("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"two\r\nlines\",z\r\nlast,one");

        Assert.That(records, Has.Count.EqualTo(4));
        Assert.That(records[1], Is.EqualTo((2, new[] { "x, y", "say \"hi\"" })));
        Assert.That(records[2], Is.EqualTo((3, new[] { "two\r\nlines", "z" })));
        Assert.That(records[3], Is.EqualTo((5, new[] { "last", "one" })));
    }

    [TestCase("\uFEFFid,name\nA,B\n")]
    [TestCase("id,name\rA,B\r")]
    [TestCase("id,name\n\nA,B\n\n")]
    public void ABom_LoneCarriageReturns_AndBlankLines_AreNotData(string text)
    {
        var records = Read(text);

        Assert.That(records.Select(r => r.Fields), Is.EqualTo(new[] { new[] { "id", "name" }, new[] { "A", "B" } }));
    }

    [Test]
    public void ATrailingComma_IsAnEmptyLastField()
    {
        Assert.That(Read("a,b,")[0].Fields, Is.EqualTo(new[] { "a", "b", "" }));
    }

    [Test]
    public void AQuotedFieldLeftOpen_IsRefused_NamingItsLine()
    {
        var error = Assert.Throws<CsvFormatException>(() => Read("id,name\nA,\"open\n"));

        Assert.That(error!.Message, Does.Contain("Line 2"));
    }
}
