using Microsoft.Extensions.Options;

namespace TeleCmi.StandIn;

/// <summary>
/// <c>dotnet run --project src/TeleCmiStandIn -- --urls http://localhost:5081 --TeleCmi:Simulator:WebhookBaseUrl http://localhost:5080/ …</c>
/// (settings: README.md in this folder).
/// </summary>
public static class StandInProgram
{
    /// <summary>Runs the stand-in until Ctrl+C or SIGTERM; exit code 2 when a setting is missing or wrong (named on stderr).</summary>
    public static async Task<int> Main(string[] args)
    {
        await using var app = StandInHost.Create(args);
        try
        {
            // Every setting checked at once, each failure named, before anything starts.
            app.Services.GetRequiredService<IStartupValidator>().Validate();
            await app.RunAsync();
            return 0;
        }
        catch (Exception e) when (e is OptionsValidationException or AggregateException { InnerExceptions: [OptionsValidationException, ..] })
        {
            var failures = e is AggregateException all ? all.InnerExceptions.Select(x => x.Message) : [e.Message];
            await Console.Error.WriteLineAsync("The TeleCMI stand-in did not start: " + string.Join(" ", failures));
            return 2;
        }
    }
}
