using System.ComponentModel.DataAnnotations;

namespace TeleCmi.Api.Simulator;

/// <summary>Settings of the built-in TeleCMI stand-in (configuration section <c>TeleCmi:Simulator</c>).</summary>
public sealed class TeleCmiSimulatorOptions
{
    public const string SectionName = "TeleCmi:Simulator";

    /// <summary>Milliseconds between two webhooks of one simulated call (tests use ~50).</summary>
    [Range(0, 60_000)]
    public int EventSpacingMs { get; set; } = 1500;

    /// <summary>Milliseconds the stand-in takes to answer every click2call, like a real provider's round trip (the benchmark uses 50).</summary>
    [Range(0, 10_000)]
    public int ClickToCallLatencyMs { get; set; }
}
