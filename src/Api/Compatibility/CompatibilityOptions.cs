namespace TeleCmi.Api.Compatibility;

/// <summary>The seed's routes for the app that exists (configuration section <c>Compatibility</c>).</summary>
public sealed class CompatibilityOptions
{
    public const string SectionName = "Compatibility";

    /// <summary>
    /// <c>true</c> (the default) serves <c>/api/telecmi_production_api.php?action=…</c>, the original PHP service's
    /// routes, so the app that exists moves over by changing its base URL, signing in and sending the token. They
    /// demand the same sign-in and run the same commands as the new API, so they open nothing the new API does not.
    /// <c>false</c>, once the app uses the new API: the path answers 404 like any unknown route.
    /// </summary>
    public bool SeedRoutesEnabled { get; set; } = true;
}
