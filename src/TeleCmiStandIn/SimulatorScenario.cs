namespace TeleCmi.StandIn;

/// <summary>What the stand-in does with a click-to-call, picked by the last four digits of the dialled number.</summary>
public enum SimulatorScenario
{
    /// <summary>Any other number: both answer, they talk, the driver hangs up; a recording is made.</summary>
    Answered,

    /// <summary><c>...0001</c>: the driver's phone rings out (b-leg CDR <c>missed</c>, <c>recv_cancel</c>).</summary>
    DriverDoesNotAnswer,

    /// <summary><c>...0002</c>: the agent does not pick up, so the driver is never dialled (a-leg CDR <c>missed</c>).</summary>
    AgentDoesNotAnswer,

    /// <summary><c>...0003</c>: TeleCMI refuses with HTTP 200 and <c>{"code":404,"msg":"Invalid number"}</c>.</summary>
    Refused,

    /// <summary><c>...0004</c>: TeleCMI answers after the gateway's per-attempt timeout, but does place the call.</summary>
    Slow,

    /// <summary><c>...0005</c>: TeleCMI is down: HTTP 503 every time.</summary>
    Down,

    /// <summary><c>...0006</c>: the call is answered, but webhooks come twice, early and out of order.</summary>
    Disorderly,

    /// <summary>
    /// <c>...0007</c>: the call really happens (both answer, they talk, a recording is made) but no webhook is ever sent:
    /// only TeleCMI's call records (<c>/v2/out_answered</c>) tell of it.
    /// </summary>
    NoWebhooks,

    /// <summary>
    /// <c>...0008</c>: both answer and talk until the call is hung up (<c>POST /v2/c2c/hangup</c>), or for
    /// <c>TeleCmi:Simulator:HeldCallSeconds</c>; the CDRs come when it ends.
    /// </summary>
    TalksUntilHungUp,
}

/// <summary>Maps a dialled number to its scenario.</summary>
public static class SimulatorScenarios
{
    /// <summary>The scenario for <paramref name="toDigits"/> (digits with country code).</summary>
    public static SimulatorScenario ForNumber(string toDigits) => toDigits.Length < 4 ? SimulatorScenario.Answered : toDigits[^4..] switch
    {
        "0001" => SimulatorScenario.DriverDoesNotAnswer,
        "0002" => SimulatorScenario.AgentDoesNotAnswer,
        "0003" => SimulatorScenario.Refused,
        "0004" => SimulatorScenario.Slow,
        "0005" => SimulatorScenario.Down,
        "0006" => SimulatorScenario.Disorderly,
        "0007" => SimulatorScenario.NoWebhooks,
        "0008" => SimulatorScenario.TalksUntilHungUp,
        _ => SimulatorScenario.Answered,
    };
}
