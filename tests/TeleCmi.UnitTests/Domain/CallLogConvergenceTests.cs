using System.Reflection;
using TeleCmi.Domain.Calls;
using static TeleCmi.UnitTests.Support.CallFacts;

namespace TeleCmi.UnitTests.Domain;

/// <summary>
/// Webhooks come twice, late and out of order: whatever the order, a call must end in the same state as
/// when they arrive in order. Every public property is compared except the ones that are per instance
/// (<c>Id</c>) or count deliveries (<c>UpdatedAt</c>, <c>Version</c>).
/// </summary>
public sealed class CallLogConvergenceTests
{
    private const int RandomOrders = 300;
    private static readonly DateTime AppliedAt = T0.AddMinutes(10);
    private static readonly string[] NotCompared = ["Id", "UpdatedAt", "Version"];
    private static readonly PropertyInfo[] Compared = typeof(CallLog)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => !NotCompared.Contains(p.Name))
        .OrderBy(p => p.Name, StringComparer.Ordinal)
        .ToArray();

    private static readonly ProviderSignal[] CompletedCall =
    [
        Event(CallLeg.Agent, "started", 1),
        Event(CallLeg.Agent, "answered", 5),
        Event(CallLeg.Driver, "started", 6),
        Event(CallLeg.Driver, "answered", 12),
        Cdr(CallLeg.Agent, "answered", 110, 105, "sent_bye"),
        Cdr(CallLeg.Driver, "answered", 111, 98, "recv_bye", Recording),
    ];

    private static readonly ProviderSignal[] CallMissedByDriver =
    [
        Event(CallLeg.Agent, "started", 1),
        Event(CallLeg.Agent, "answered", 5),
        Event(CallLeg.Driver, "started", 6),
        Event(CallLeg.Driver, "hangup", 36),
        Cdr(CallLeg.Driver, "missed", 36, 0, "recv_cancel"),
        Cdr(CallLeg.Agent, "answered", 37, 32, "sent_bye"),
    ];

    [Test]
    public void InOrder_CompletedSequence_EndsCompletedWithEveryFact()
    {
        var call = ApplyDispatchedThen(CompletedCall);

        Assert.Multiple(() =>
        {
            Assert.That(call.Status, Is.EqualTo(CallStatus.Completed));
            Assert.That(call.MissedBy, Is.Null);
            Assert.That(call.AgentLeg, Is.EqualTo(LegState.Ended));
            Assert.That(call.DriverLeg, Is.EqualTo(LegState.Ended));
            Assert.That(call.TalkSeconds, Is.EqualTo(98));
            Assert.That(call.HangupReason, Is.EqualTo("recv_bye"));
            Assert.That(call.AgentHangupReason, Is.EqualTo("sent_bye"));
            Assert.That(call.RecordingFileName, Is.EqualTo(Recording));
            Assert.That(call.AnsweredAt, Is.EqualTo(T0.AddSeconds(12)));
            Assert.That(call.EndedAt, Is.EqualTo(T0.AddSeconds(111)));
            Assert.That(call.TeleCmiRequestId, Is.EqualTo(RequestId));
            Assert.That(call.ConversationId, Is.EqualTo(ConversationId));
            Assert.That(call.AgentLegId, Is.EqualTo(AgentLegId));
            Assert.That(call.DriverLegId, Is.EqualTo(DriverLegId));
        });
    }

    [Test]
    public void InOrder_MissedByDriverSequence_EndsMissedByTheDriver()
    {
        var call = ApplyDispatchedThen(CallMissedByDriver);

        Assert.Multiple(() =>
        {
            Assert.That(call.Status, Is.EqualTo(CallStatus.Missed));
            Assert.That(call.MissedBy, Is.EqualTo(MissedParty.Driver));
            Assert.That(call.DriverLeg, Is.EqualTo(LegState.Missed));
            Assert.That(call.TalkSeconds, Is.Null);
            Assert.That(call.HangupReason, Is.EqualTo("recv_cancel"));
            Assert.That(call.AnsweredAt, Is.Null);
            Assert.That(call.EndedAt, Is.EqualTo(T0.AddSeconds(37)));
        });
    }

    [Test]
    public void EveryPermutation_OfTheCompletedSequence_ConvergesOnTheInOrderState() =>
        AssertEveryPermutationConverges(CompletedCall);

    [Test]
    public void EveryPermutation_OfTheMissedByDriverSequence_ConvergesOnTheInOrderState() =>
        AssertEveryPermutationConverges(CallMissedByDriver);

    [Test]
    public void RandomOrdersWithDuplicates_OfTheCompletedSequence_ConvergeOnTheInOrderState() =>
        AssertRandomOrdersWithDuplicatesConverge(CompletedCall, seed: 20250115);

    [Test]
    public void RandomOrdersWithDuplicates_OfTheMissedByDriverSequence_ConvergeOnTheInOrderState() =>
        AssertRandomOrdersWithDuplicatesConverge(CallMissedByDriver, seed: 20250116);

    // A webhook can beat TeleCMI's HTTP answer: the moment the call is marked dispatched is one more step to permute.
    [Test]
    public void EveryPermutation_WithTheDispatchAnywhereInTheCompletedSequence_ConvergesOnTheInOrderState() =>
        AssertEveryPermutationWithDispatchConverges(CompletedCall);

    [Test]
    public void EveryPermutation_WithTheDispatchAnywhereInTheMissedByDriverSequence_ConvergesOnTheInOrderState() =>
        AssertEveryPermutationWithDispatchConverges(CallMissedByDriver);

    private static void AssertEveryPermutationConverges(ProviderSignal[] inOrder)
    {
        var expected = Snapshot(ApplyDispatchedThen(inOrder));
        var failures = new List<string>();
        var count = 0;
        foreach (var order in Permutations(inOrder))
        {
            count++;
            Collect(failures, order, expected, Snapshot(ApplyDispatchedThen(order)));
        }

        Assert.Multiple(() =>
        {
            Assert.That(count, Is.EqualTo(Factorial(inOrder.Length)));
            Assert.That(failures, Has.Count.Zero, () => string.Join(Environment.NewLine, failures.Take(5)));
        });
    }

    private static void AssertRandomOrdersWithDuplicatesConverge(ProviderSignal[] inOrder, int seed)
    {
        var expected = Snapshot(ApplyDispatchedThen(inOrder));
        var random = new Random(seed);
        var failures = new List<string>();
        var duplicatesSeen = 0;
        for (var i = 0; i < RandomOrders; i++)
        {
            var order = inOrder.ToList();
            var duplicates = random.Next(0, 6);
            for (var d = 0; d < duplicates; d++) order.Add(inOrder[random.Next(inOrder.Length)]);
            duplicatesSeen += duplicates;
            random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(order));

            var call = DispatchedCall();
            foreach (var signal in order)
            {
                var before = Snapshot(call);
                var changed = call.Apply(signal, AppliedAt);
                // Apply's answer is the truth about whether the call learnt something.
                if (changed == before.SequenceEqual(Snapshot(call)))
                    failures.Add($"{Describe(order)}: Apply returned {changed} for {Describe(signal)} but the call {(changed ? "did not change" : "changed")}");
            }
            Collect(failures, order, expected, Snapshot(call));
        }

        Assert.Multiple(() =>
        {
            Assert.That(duplicatesSeen, Is.GreaterThan(RandomOrders), "the random orders should carry duplicates");
            Assert.That(failures, Has.Count.Zero, () => string.Join(Environment.NewLine, failures.Take(5)));
        });
    }

    private static void AssertEveryPermutationWithDispatchConverges(ProviderSignal[] inOrder)
    {
        var expected = Snapshot(ApplyDispatchedThen(inOrder));
        var steps = inOrder.Select(s => new Step(Describe(s), c => c.Apply(s, AppliedAt)))
            .Append(new Step("dispatched", c => c.MarkDispatched(RequestId, T0.AddSeconds(1))))
            .ToArray();
        var failures = new List<string>();
        var count = 0;
        foreach (var order in Permutations(steps))
        {
            count++;
            var call = NewCall();
            foreach (var step in order) step.Run(call);
            var actual = Snapshot(call);
            var differences = Differences(expected, actual);
            if (differences.Count > 0) failures.Add($"[{string.Join(", ", order.Select(s => s.Name))}]: {string.Join("; ", differences)}");
        }

        Assert.Multiple(() =>
        {
            Assert.That(count, Is.EqualTo(Factorial(steps.Length)));
            Assert.That(failures, Has.Count.Zero, () => string.Join(Environment.NewLine, failures.Take(5)));
        });
    }

    private sealed record Step(string Name, Action<CallLog> Run);

    private static CallLog ApplyDispatchedThen(IEnumerable<ProviderSignal> signals)
    {
        var call = DispatchedCall();
        foreach (var signal in signals) call.Apply(signal, AppliedAt);
        return call;
    }

    private static object?[] Snapshot(CallLog call) => Compared.Select(p => p.GetValue(call)).ToArray();

    private static void Collect(List<string> failures, IReadOnlyList<ProviderSignal> order, object?[] expected, object?[] actual)
    {
        var differences = Differences(expected, actual);
        if (differences.Count > 0) failures.Add($"{Describe(order)}: {string.Join("; ", differences)}");
    }

    private static List<string> Differences(object?[] expected, object?[] actual) =>
        Compared.Select((p, i) => (p.Name, Expected: expected[i], Actual: actual[i]))
            .Where(x => !Equals(x.Expected, x.Actual))
            .Select(x => $"{x.Name} expected <{x.Expected ?? "null"}> but was <{x.Actual ?? "null"}>")
            .ToList();

    private static string Describe(IEnumerable<ProviderSignal> order) => "[" + string.Join(", ", order.Select(Describe)) + "]";

    private static string Describe(ProviderSignal s) =>
        $"{(s.Leg == CallLeg.Agent ? "a" : "b")}-{(s.Kind == SignalKind.Cdr ? "cdr" : "event")}-{s.Status}";

    private static IEnumerable<T[]> Permutations<T>(T[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }
        for (var i = 0; i < items.Length; i++)
        {
            var rest = items.Where((_, j) => j != i).ToArray();
            foreach (var tail in Permutations(rest)) yield return [items[i], .. tail];
        }
    }

    private static int Factorial(int n) => n <= 1 ? 1 : n * Factorial(n - 1);
}
