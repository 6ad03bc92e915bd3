using System.Text.RegularExpressions;

namespace TeleCmi.Domain.Calls;

/// <summary>
/// A recording file name as TeleCMI gives it: a plain file name, never a path or a URL, so it cannot be
/// used to make the service fetch something else.
/// </summary>
public static partial class RecordingFileNameRule
{
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,199}\z")]
    private static partial Regex Pattern();

    /// <summary>True for names like <c>1700000000_5003.mp3</c>.</summary>
    public static bool IsValid(string? fileName) => fileName is not null && Pattern().IsMatch(fileName) && !fileName.Contains("..");
}
