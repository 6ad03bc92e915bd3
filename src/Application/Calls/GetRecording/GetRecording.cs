using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TeleCmi.Application.Calls.Common;
using TeleCmi.Application.Common.Exceptions;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Security;
using TeleCmi.Application.Retention;
using TeleCmi.Domain.Calls;

namespace TeleCmi.Application.Calls.GetRecording;

/// <summary>Opens a call's recording, fetched from TeleCMI server-side so the app secret stays here.</summary>
[Authorize]
public sealed record GetRecordingQuery(string CallId) : IQuery<RecordingResult.Audio>;

public sealed class GetRecordingValidator : AbstractValidator<GetRecordingQuery>
{
    public GetRecordingValidator()
    {
        RuleFor(x => x.CallId).NotEmpty().MaximumLength(64);
    }
}

public sealed class GetRecordingHandler(
    IAppDbContext db, ICurrentUser user, ITeleCmiGateway teleCmi, TimeProvider clock, IOptions<RetentionOptions> retention) : IQueryHandler<GetRecordingQuery, RecordingResult.Audio>
{
    public async ValueTask<RecordingResult.Audio> Handle(GetRecordingQuery query, CancellationToken cancellationToken)
    {
        var call = await db.CallLogs.AsNoTracking().FindVisibleAsync(user, query.CallId, cancellationToken);
        // Age decides, not whether the daily job has cleared the file name yet: the answer does not depend on when it ran.
        var days = retention.Value.RecordingDays;
        if (call.RecordingRemovedAt is not null || call.CreatedAt < clock.GetUtcNow().UtcDateTime.AddDays(-days))
            throw new GoneException($"Recordings are kept for {days} days (Retention:RecordingDays); this call's is no longer available.");
        // Only a plain file name TeleCMI gave us is used to build the provider URL: never a path or a URL.
        if (call.RecordingFileName is null || !RecordingFileNameRule.IsValid(call.RecordingFileName))
            throw new NotFoundException($"Call '{call.Id}' has no recording.");
        return await teleCmi.OpenRecordingAsync(call.RecordingFileName, cancellationToken) switch
        {
            RecordingResult.Audio audio => audio,
            RecordingResult.Failed failed => throw new ProviderRefusedException($"TeleCMI could not play the recording (code {failed.Code}): {failed.Message}", call.Id),
            RecordingResult.Unavailable unavailable => throw new ProviderUnavailableException($"TeleCMI is unavailable: {unavailable.Reason}", TimeSpan.FromSeconds(30), callId: call.Id),
            var other => throw new InvalidOperationException($"Unexpected recording result {other.GetType().Name}."),
        };
    }
}
