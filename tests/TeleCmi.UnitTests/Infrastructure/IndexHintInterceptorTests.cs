using TeleCmi.Application.Calls.Common;
using TeleCmi.Infrastructure.Persistence;

namespace TeleCmi.UnitTests.Infrastructure;

public sealed class IndexHintInterceptorTests
{
    private const string Page = "SELECT `c`.`Id`\nFROM `call_logs` AS `c`\nWHERE `c`.`Status` = @s\nORDER BY `c`.`CreatedAt` DESC\nLIMIT @p";

    [Test]
    public void ATaggedQuery_GetsForceIndexOnCallLogs()
    {
        var sql = $"-- {CallQueryTags.OneStatusInATimeRange}\n\n{Page}";

        Assert.That(IndexHintInterceptor.Apply(sql), Is.EqualTo(
            $"-- {CallQueryTags.OneStatusInATimeRange}\n\nSELECT `c`.`Id`\nFROM `call_logs` AS `c` FORCE INDEX (`IX_call_logs_Status_CreatedAt_Id`)\n" +
            "WHERE `c`.`Status` = @s\nORDER BY `c`.`CreatedAt` DESC\nLIMIT @p"));
    }

    [Test]
    public void OnlyTheFirstCallLogsTableIsHinted()
    {
        var sql = $"-- {CallQueryTags.OneStatusInATimeRange}\n\nSELECT COUNT(*) FROM `call_logs` AS `c` WHERE EXISTS (SELECT 1 FROM `call_logs` AS `c`)";

        Assert.That(IndexHintInterceptor.Apply(sql).Split("FORCE INDEX").Length, Is.EqualTo(2));
    }

    [TestCase("SELECT 1 FROM `call_logs` AS `c`", TestName = "no tag")]
    [TestCase("-- some other tag\n\nSELECT 1 FROM `call_logs` AS `c`", TestName = "another tag")]
    [TestCase("-- telecmi:shape calls-nobody-hints\n\nSELECT 1 FROM `call_logs` AS `c`", TestName = "a shape without an index hint")]
    [TestCase("-- telecmi:shape x`); DROP TABLE agents; --\n\nSELECT 1 FROM `call_logs` AS `c`", TestName = "not a shape name")]
    [TestCase("-- telecmi:force-index IX_call_logs_Status_CreatedAt_Id\n\nSELECT 1 FROM `call_logs` AS `c`", TestName = "an index named by the query")]
    [TestCase("-- telecmi:shape calls-of-one-status-in-a-time-range\n\nSELECT 1 FROM `agents` AS `a`", TestName = "no call_logs table")]
    public void AnythingElse_IsLeftAlone(string sql) => Assert.That(IndexHintInterceptor.Apply(sql), Is.EqualTo(sql));

    [Test]
    public void EveryHintedShape_IsATagTheApplicationCanSend() =>
        Assert.That(IndexHints.For(CallQueryTags.OneStatusInATimeRange[CallQueryTags.Prefix.Length..]), Is.EqualTo(IndexHints.CallsByStatusAndTime));
}
