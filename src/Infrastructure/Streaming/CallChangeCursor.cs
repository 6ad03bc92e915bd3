namespace TeleCmi.Infrastructure.Streaming;

/// <summary>
/// Where the poller has read <c>call_changes</c> up to. Ids are handed out at insert but become visible at commit, so a
/// lower id can appear after a higher one (a longer transaction) and a rolled-back insert leaves a hole for ever. The
/// cursor (<see cref="After"/>, the next read's lower bound) therefore stops below a hole and keeps what it read above it,
/// so nothing is passed twice and a late row is still passed; a hole older than <paramref name="holeWait"/> is given up.
/// </summary>
public sealed class CallChangeCursor(TimeSpan holeWait)
{
    private readonly SortedSet<long> readAbove = [];
    private DateTime? holeSeenAt;

    /// <summary>Every id up to this one has been passed on (or given up); the next read is of ids after it.</summary>
    public long After { get; private set; }

    /// <summary>Whether the cursor has been placed (<see cref="Reset"/>) yet.</summary>
    public bool IsPlaced { get; private set; }

    /// <summary>Places the cursor at <paramref name="head"/>, forgetting what was read: used while nobody listens.</summary>
    public void Reset(long head)
    {
        After = head;
        readAbove.Clear();
        holeSeenAt = null;
        IsPlaced = true;
    }

    /// <summary>Takes the ids read after <see cref="After"/> (in any order) and returns those not passed on before.</summary>
    public IReadOnlyList<long> Accept(IEnumerable<long> ids, DateTime now)
    {
        var fresh = ids.Where(id => id > After && readAbove.Add(id)).Order().ToList();
        while (readAbove.Count > 0)
        {
            if (readAbove.Min == After + 1)
            {
                After++;
                readAbove.Remove(After);
                holeSeenAt = null;
                continue;
            }
            holeSeenAt ??= now;
            if (now - holeSeenAt < holeWait) break;
            After = readAbove.Min - 1; // the hole is given up: a rolled-back insert, or a commit too late to wait for
            holeSeenAt = null;
        }
        return fresh;
    }
}
