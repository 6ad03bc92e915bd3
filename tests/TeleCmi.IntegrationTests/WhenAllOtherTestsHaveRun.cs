using System.Text.Json.Nodes;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Contract;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests;

/// <summary>
/// Checks made over what the whole integration run saw. NUnit runs the children of a namespace in name order, so this
/// fixture (W) runs after the test namespaces (Calls … Security); <see cref="ObservedStatusesAfterTheCheck"/> reports
/// anything recorded after it all the same.
/// </summary>
public sealed class WhenAllOtherTestsHaveRun
{
    [Test]
    public void EveryStatusTheTestsObserved_IsDocumentedForThatOperation()
    {
        var observed = ObservedStatuses.Snapshot();
        if (observed.Count == 0) Assert.Ignore("No operation was called in this run: run this with the other integration tests.");
        ObservedStatusesAfterTheCheck.CheckedCount = observed.Count;

        var undocumented = Undocumented(observed.Keys).Select(k => $"{k.Method} {k.Path} → {k.Status} (seen {observed[k]}×, first in {ObservedStatuses.TestThatFirstSaw(k)})").ToList();

        Assert.That(undocumented, Is.Empty,
            "The service answered these statuses, but docs/openapi.json does not list them for the operation. Document them " +
            "([ProducesResponseType] or an <response> doc comment on the action, or StandardResponsesOperationFilter for a " +
            $"pipeline status), then `{CommittedOpenApiDocument.RegenerateCommand}`.");
    }

    /// <summary>The observations the committed document does not list (an operation it does not know counts too).</summary>
    public static IEnumerable<(string Method, string Path, int Status)> Undocumented(IEnumerable<(string Method, string Path, int Status)> observed)
    {
        var document = CommittedOpenApiDocument.Read() ?? throw new AssertionException("docs/openapi.json is missing.");
        var documented = ServedDocument.Operations(document)
            .ToDictionary(o => (o.Method, o.Path), o => o.Operation["responses"]!.AsObject().Select(r => r.Key).ToHashSet());
        return observed
            .Where(o => !documented.TryGetValue((o.Method, o.Path), out var statuses) || !statuses.Contains(o.Status.ToString()))
            .OrderBy(o => o.Path).ThenBy(o => o.Method).ThenBy(o => o.Status);
    }
}

/// <summary>The backstop: at the very end of the run, says (and fails) if an undocumented status was seen after the check.</summary>
[SetUpFixture]
public sealed class ObservedStatusesAfterTheCheck
{
    internal static int CheckedCount { get; set; } = -1;

    [OneTimeTearDown]
    public void ReportLateObservations()
    {
        if (CheckedCount < 0) return;
        var late = WhenAllOtherTestsHaveRun.Undocumented(ObservedStatuses.Snapshot().Keys).ToList();
        TestContext.Progress.WriteLine($"Observed statuses: {ObservedStatuses.Snapshot().Count} (method, route, status) combinations, {CheckedCount} when checked.");
        if (late.Count > 0)
            Assert.Fail("Undocumented statuses seen after WhenAllOtherTestsHaveRun ran: " + string.Join("; ", late.Select(k => $"{k.Method} {k.Path} → {k.Status}")));
    }
}
