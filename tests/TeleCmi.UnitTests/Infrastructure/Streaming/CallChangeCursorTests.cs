using TeleCmi.Infrastructure.Streaming;

namespace TeleCmi.UnitTests.Infrastructure.Streaming;

/// <summary>
/// The poller's cursor over <c>call_changes</c> ids: ids become visible in commit order, not id order, so a hole may be
/// filled later (passed once, then) or never (given up after a wait).
/// </summary>
public sealed class CallChangeCursorTests
{
    private static readonly DateTime T0 = new(2026, 12, 6, 2, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(3);

    [Test]
    public void ContiguousIds_ArePassedOnce_AndTheCursorFollowsThem()
    {
        var cursor = Placed(10);

        var first = cursor.Accept([11, 12, 13], T0);
        var again = cursor.Accept([12, 13], T0);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(new long[] { 11, 12, 13 }));
            Assert.That(again, Is.Empty);
            Assert.That(cursor.After, Is.EqualTo(13));
        });
    }

    [Test]
    public void AHole_HoldsTheCursor_AndTheLateRowIsPassedWhenItCommits_NothingTwice()
    {
        var cursor = Placed(10);

        var first = cursor.Accept([11, 13, 14], T0); // 12 is not committed yet
        var heldAt = cursor.After;
        var reread = cursor.Accept([13, 14], T0.AddSeconds(1)); // the next read starts after 11 again
        var late = cursor.Accept([12, 13, 14, 15], T0.AddSeconds(2));

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(new long[] { 11, 13, 14 }));
            Assert.That(heldAt, Is.EqualTo(11));
            Assert.That(reread, Is.Empty, "rows above the hole are not passed twice");
            Assert.That(late, Is.EqualTo(new long[] { 12, 15 }));
            Assert.That(cursor.After, Is.EqualTo(15));
        });
    }

    [Test]
    public void AHoleNeverFilled_IsGivenUp_AfterTheWait()
    {
        var cursor = Placed(10);
        cursor.Accept([12], T0); // 11 rolled back

        cursor.Accept([12], T0 + Wait - TimeSpan.FromMilliseconds(1));
        var stillHeld = cursor.After;
        var passed = cursor.Accept([12, 13], T0 + Wait);

        Assert.Multiple(() =>
        {
            Assert.That(stillHeld, Is.EqualTo(10));
            Assert.That(passed, Is.EqualTo(new long[] { 13 }));
            Assert.That(cursor.After, Is.EqualTo(13));
        });
    }

    [Test]
    public void Reset_PlacesTheCursor_AndForgetsWhatWasRead()
    {
        var cursor = new CallChangeCursor(Wait);
        Assert.That(cursor.IsPlaced, Is.False);
        cursor.Reset(5);
        cursor.Accept([7], T0);

        cursor.Reset(20);

        Assert.Multiple(() =>
        {
            Assert.That((cursor.IsPlaced, cursor.After), Is.EqualTo((true, 20L)));
            Assert.That(cursor.Accept([21], T0), Is.EqualTo(new long[] { 21 }));
            Assert.That(cursor.Accept([7, 19], T0), Is.Empty, "ids before the cursor are not passed");
        });
    }

    private static CallChangeCursor Placed(long head)
    {
        var cursor = new CallChangeCursor(Wait);
        cursor.Reset(head);
        return cursor;
    }
}
