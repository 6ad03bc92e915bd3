using Microsoft.Extensions.Logging;

namespace TeleCmi.Infrastructure.Telephony;

/// <summary>
/// One structured line per provider call, with stable outcome words so dashboards can count and time them.
/// Phone numbers arrive here already masked; the secret and the provider URL are never arguments.
/// </summary>
internal static partial class TeleCmiGatewayLog
{
    [LoggerMessage(EventId = 4100, Message = "TeleCMI {Operation} for call {CallId} to {To}: {Outcome} in {ElapsedMs:F0} ms " +
                                             "(HTTP {HttpStatus}, code {ProviderCode}, request id {RequestId}) {Detail}")]
    public static partial void ClickToCall(ILogger logger, LogLevel level, string operation, string callId, string to, string outcome,
        double elapsedMs, int? httpStatus, int? providerCode, string? requestId, string? detail);

    [LoggerMessage(EventId = 4101, Message = "TeleCMI {Operation} of {File}: {Outcome} in {ElapsedMs:F0} ms " +
                                             "(HTTP {HttpStatus}, code {ProviderCode}, {Bytes} bytes) {Detail}")]
    public static partial void Play(ILogger logger, LogLevel level, string operation, string file, string outcome,
        double elapsedMs, int? httpStatus, int? providerCode, long? bytes, string? detail);

    [LoggerMessage(EventId = 4102, Message = "TeleCMI {Operation} of user {UserId}: {Outcome} in {ElapsedMs:F0} ms (HTTP {HttpStatus}, code {ProviderCode}) {Detail}")]
    public static partial void UserLogin(ILogger logger, LogLevel level, string operation, string userId, string outcome,
        double elapsedMs, int? httpStatus, int? providerCode, string? detail);

    [LoggerMessage(EventId = 4103, Message = "TeleCMI {Operation} of agent leg {LegId}: {Outcome} in {ElapsedMs:F0} ms (HTTP {HttpStatus}, code {ProviderCode}) {Detail}")]
    public static partial void HangUp(ILogger logger, LogLevel level, string operation, string legId, string outcome,
        double elapsedMs, int? httpStatus, int? providerCode, string? detail);
}
