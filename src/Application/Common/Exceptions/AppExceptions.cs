namespace TeleCmi.Application.Common.Exceptions;

/// <summary>The resource does not exist, or the caller may not know it exists (404).</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>The caller is signed in but may not do this (403).</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>The caller is not signed in, or the credentials are wrong (401).</summary>
public sealed class UnauthorizedException(string message) : Exception(message);

/// <summary>The request conflicts with the current state (409); with <see cref="RetryAfter"/> when the state is about to change.</summary>
public sealed class ConflictException(string message, string? existingId = null, TimeSpan? retryAfter = null) : Exception(message)
{
    public string? ExistingId { get; } = existingId;
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>The request is well-formed but cannot be processed (422).</summary>
public sealed class UnprocessableException(string message) : Exception(message);

/// <summary>Too many requests (429).</summary>
public sealed class TooManyRequestsException(string message, TimeSpan retryAfter) : Exception(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>TeleCMI refused or answered with an error (502).</summary>
public sealed class ProviderRefusedException(string message, string? callId = null) : Exception(message)
{
    public string? CallId { get; } = callId;
}

/// <summary>TeleCMI is unavailable (503), or did not answer in time (504 when <see cref="TimedOut"/>).</summary>
public sealed class ProviderUnavailableException(string message, TimeSpan retryAfter, bool timedOut = false, string? callId = null)
    : Exception(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
    public bool TimedOut { get; } = timedOut;
    public string? CallId { get; } = callId;
}

/// <summary>The resource existed but is no longer kept (410), e.g. a recording past its retention.</summary>
public sealed class GoneException(string message) : Exception(message);
