using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TeleCmi.Application.Agents.Common;
using TeleCmi.Application.Audit.Common;
using TeleCmi.Application.Common.Exceptions;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Models;
using TeleCmi.Application.Common.Security;
using TeleCmi.Domain.Agents;
using TeleCmi.Domain.Common;

namespace TeleCmi.Application.Agents.UpdateAgent;

/// <summary>Changes an agent (admins only). Only the fields given are changed.</summary>
[Authorize(AgentRole.Admin)]
public sealed record UpdateAgentCommand(
    int Id, string? DisplayName, string? Phone, AgentRole? Role, string? Password,
    string? TeleCmiUserId, bool ClearTeleCmiUserId, bool? TeleCmiCallingAllowed, bool? IsActive,
    string? ExternalId = null, bool ClearExternalId = false, string? TeleCmiPassword = null, bool ClearTeleCmiPassword = false) : ICommand<AgentDto>;

public sealed class UpdateAgentValidator : AbstractValidator<UpdateAgentCommand>
{
    public UpdateAgentValidator()
    {
        RuleFor(x => x.DisplayName).NotEmpty().MaximumLength(100).When(x => x.DisplayName is not null);
        RuleFor(x => x.Phone).ValidPhone().When(x => x.Phone is not null);
        RuleFor(x => x.Role).IsInEnum().When(x => x.Role is not null);
        RuleFor(x => x.Password).MinimumLength(8).MaximumLength(128).When(x => x.Password is not null);
        RuleFor(x => x.TeleCmiUserId).Must(Agent.IsValidTeleCmiUserId).When(x => !string.IsNullOrEmpty(x.TeleCmiUserId))
            .WithMessage("A TeleCMI user id looks like '5003_1111112' (<extension>_<appid>).");
        RuleFor(x => x.ExternalId).Must(Agent.IsValidExternalId).When(x => !string.IsNullOrWhiteSpace(x.ExternalId))
            .WithMessage("An external id is 1 to 64 letters, digits, '.', '_', ':' or '-'.");
        RuleFor(x => x.TeleCmiPassword).TeleCmiPassword().When(x => x.TeleCmiPassword is not null);
        RuleFor(x => x.TeleCmiPassword).Null().When(x => x.ClearTeleCmiPassword)
            .WithMessage("Either set teleCmiPassword or clear it with clearTeleCmiPassword, not both.");
    }
}

public sealed class UpdateAgentHandler(
    IAppDbContext db, IPasswordHasher hasher, ITeleCmiPasswordProtector teleCmiPasswords, TimeProvider clock, ICurrentUser user, IAuditTrail audit)
    : ICommandHandler<UpdateAgentCommand, AgentDto>
{
    public async ValueTask<AgentDto> Handle(UpdateAgentCommand c, CancellationToken cancellationToken)
    {
        var agent = await db.Agents.FirstOrDefaultAsync(a => a.Id == c.Id, cancellationToken)
            ?? throw new NotFoundException($"No agent with id {c.Id}.");
        if (agent.Id == user.AgentId && (c.IsActive == false || (c.Role is not null && c.Role != AgentRole.Admin)))
            throw new UnprocessableException("An admin cannot disable or demote their own account.");
        var now = clock.GetUtcNow().UtcDateTime;
        var before = AgentAudit.State.Of(agent);
        if (c.DisplayName is not null) agent.Rename(c.DisplayName, now);
        if (c.Phone is not null) agent.ChangePhone(PhoneNumber.Parse(c.Phone), now);
        if (c.Role is not null) agent.ChangeRole(c.Role.Value, now);
        if (c.Password is not null) agent.ChangePasswordHash(hasher.Hash(c.Password), now);
        if (c.TeleCmiUserId is not null || c.ClearTeleCmiUserId || c.TeleCmiCallingAllowed is not null)
            agent.ConfigureTeleCmi(c.ClearTeleCmiUserId ? null : c.TeleCmiUserId ?? agent.TeleCmiUserId,
                c.TeleCmiCallingAllowed ?? agent.TeleCmiCallingAllowed, now);
        if (c.ClearExternalId) agent.SetExternalId(null, now);
        else if (!string.IsNullOrWhiteSpace(c.ExternalId))
        {
            var externalId = c.ExternalId.Trim();
            if (await db.Agents.AnyAsync(a => a.ExternalId == externalId && a.Id != agent.Id, cancellationToken))
                throw new ConflictException($"Another agent has the external id '{externalId}'.");
            agent.SetExternalId(externalId, now);
        }
        if (c.ClearTeleCmiPassword) agent.SetTeleCmiPassword(null, now);
        else if (c.TeleCmiPassword is not null) agent.SetTeleCmiPassword(teleCmiPasswords.Protect(c.TeleCmiPassword), now);
        if (c.IsActive == true) agent.Activate(now);
        if (c.IsActive == false) agent.Deactivate(now);
        audit.RecordAgent(AuditActions.Updated, before, agent);
        await db.SaveChangesAsync(cancellationToken);
        return AgentDto.From(agent);
    }
}
