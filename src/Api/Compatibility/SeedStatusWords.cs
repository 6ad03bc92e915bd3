using FluentValidation;
using FluentValidation.Results;
using TeleCmi.Domain.Calls;

namespace TeleCmi.Api.Compatibility;

/// <summary>
/// The seed's feedback <c>status</c> words and the outcome each records. The PHP service stored the word as the call's
/// status; here TeleCMI's status stays TeleCMI's and the word becomes the agent's outcome (docs/MOBILE-APP.md).
/// Words are read case-insensitively, with spaces or dashes for underscores (<c>Not Reachable</c>).
/// </summary>
public static class SeedStatusWords
{
    /// <summary>What the PHP service assumed when <c>status</c> was left out (<c>completed</c>).</summary>
    public const CallOutcome Default = CallOutcome.Connected;

    private static readonly Dictionary<string, CallOutcome> OutcomeOf = new(StringComparer.Ordinal)
    {
        ["completed"] = CallOutcome.Connected,
        ["connected"] = CallOutcome.Connected,
        ["answered"] = CallOutcome.Connected,
        ["not_reachable"] = CallOutcome.NotReachable,
        ["no_answer"] = CallOutcome.NotReachable,
        ["not_answered"] = CallOutcome.NotReachable,
        ["busy"] = CallOutcome.Busy,
        ["invalid"] = CallOutcome.WrongNumber,
        ["invalid_number"] = CallOutcome.WrongNumber,
        ["wrong_number"] = CallOutcome.WrongNumber,
        ["callback"] = CallOutcome.CallBackLater,
        ["callback_later"] = CallOutcome.CallBackLater,
        ["call_back"] = CallOutcome.CallBackLater,
        ["call_back_later"] = CallOutcome.CallBackLater,
        ["interested"] = CallOutcome.Interested,
        ["not_interested"] = CallOutcome.NotInterested,
        ["other"] = CallOutcome.Other,
        ["do_not_call"] = CallOutcome.DoNotCall,
    };

    /// <summary>Every accepted word, in the table's order (documentation and error messages).</summary>
    public static IReadOnlyCollection<string> Words => OutcomeOf.Keys;

    /// <summary>The outcome a word records; <see cref="Default"/> for none. An unknown word (<c>pending</c> is one: it is no
    /// outcome) is a 400 naming <c>status</c>.</summary>
    public static CallOutcome ToOutcome(string? word)
    {
        if (string.IsNullOrWhiteSpace(word)) return Default;
        var key = word.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
        return OutcomeOf.TryGetValue(key, out var outcome)
            ? outcome
            : throw new ValidationException([new ValidationFailure("status",
                $"'status' must be one of: {string.Join(", ", Words)} (or left out for completed).")]);
    }

    /// <summary>
    /// The seed's <c>call_status</c> of a call: the agent's outcome in the seed's words when there is one, else what TeleCMI
    /// said, in the PHP service's words (<c>pending</c> until the driver answers, <c>connected</c> while they talk).
    /// </summary>
    public static string CallStatusOf(CallOutcome? outcome, CallStatus status) => outcome switch
    {
        CallOutcome.Connected => "connected",
        CallOutcome.NotReachable => "not_reachable",
        CallOutcome.Busy => "busy",
        CallOutcome.WrongNumber => "invalid",
        CallOutcome.CallBackLater => "callback_later",
        CallOutcome.Interested => "interested",
        CallOutcome.NotInterested => "not_interested",
        CallOutcome.Other => "other",
        CallOutcome.DoNotCall => "do_not_call",
        _ => status switch
        {
            CallStatus.Answered => "connected",
            CallStatus.Completed => "completed",
            CallStatus.Missed => "missed",
            CallStatus.Failed or CallStatus.NotPlaced => "failed",
            _ => "pending",
        },
    };
}
