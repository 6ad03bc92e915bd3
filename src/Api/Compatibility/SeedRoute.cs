namespace TeleCmi.Api.Compatibility;

/// <summary>The one path the original PHP service answered on, with its actions in the <c>action</c> query parameter.</summary>
public static class SeedRoute
{
    public const string Template = "api/telecmi_production_api.php";

    public const string ClickToCall = "click_to_call";
    public const string UpdateFeedback = "update_feedback";
    public const string GetCallLogs = "get_call_logs";
    public const string Webhook = "webhook";

    /// <summary>True for the seed's path (any case, with or without a trailing slash, as routing matches it).</summary>
    public static bool Matches(PathString path) =>
        path.Value is { } value && string.Equals(value.TrimEnd('/'), "/" + Template, StringComparison.OrdinalIgnoreCase);
}
