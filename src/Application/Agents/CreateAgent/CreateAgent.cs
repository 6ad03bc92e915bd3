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

namespace TeleCmi.Application.Agents.CreateAgent;

/// <summary>Creates an agent (admins only).</summary>
[Authorize(AgentRole.Admin)]
public sealed record CreateAgentCommand(
    string Username, string Password, string DisplayName, string Phone, AgentRole? Role,
    string? TeleCmiUserId, bool TeleCmiCallingAllowed, string? ExternalId = null, string? TeleCmiPassword = null) : ICommand<AgentDto>;

public sealed class CreateAgentValidator : AbstractValidator<CreateAgentCommand>
{
    public CreateAgentValidator()
    {
        RuleFor(x => x.Username).NotEmpty().MaximumLength(64).Matches("^[A-Za-z0-9._-]+$")
            .WithMessage("Username: letters, digits, dot, dash and underscore only.");
        RuleFor(x => x.Password).NotEmpty().MinimumLength(8).MaximumLength(128);
        RuleFor(x => x.DisplayName).NotEmpty().MaximumLength(100).NoControlCharacters();
        RuleFor(x => x.Phone).ValidPhone();
        RuleFor(x => x.Role).NotNull().IsInEnum();
        RuleFor(x => x.TeleCmiUserId).Must(Agent.IsValidTeleCmiUserId).When(x => !string.IsNullOrEmpty(x.TeleCmiUserId))
            .WithMessage("A TeleCMI user id looks like '5003_1111112' (<extension>_<appid>).");
        RuleFor(x => x.ExternalId).Must(Agent.IsValidExternalId).When(x => !string.IsNullOrWhiteSpace(x.ExternalId))
            .WithMessage("An external id is 1 to 64 letters, digits, '.', '_', ':' or '-'.");
        RuleFor(x => x.TeleCmiPassword).TeleCmiPassword().When(x => x.TeleCmiPassword is not null);
    }
}

public sealed class CreateAgentHandler(IAppDbContext db, IPasswordHasher hasher, ITeleCmiPasswordProtector teleCmiPasswords, TimeProvider clock, IAuditTrail audit)
    : ICommandHandler<CreateAgentCommand, AgentDto>
{
    public async ValueTask<AgentDto> Handle(CreateAgentCommand command, CancellationToken cancellationToken)
    {
        var username = Agent.NormaliseUsername(command.Username);
        if (await db.Agents.AnyAsync(a => a.Username == username, cancellationToken))
            throw new ConflictException($"The username '{username}' is taken.");
        var externalId = string.IsNullOrWhiteSpace(command.ExternalId) ? null : command.ExternalId.Trim();
        if (externalId is not null && await db.Agents.AnyAsync(a => a.ExternalId == externalId, cancellationToken))
            throw new ConflictException($"Another agent has the external id '{externalId}'.");
        var now = clock.GetUtcNow().UtcDateTime;
        var agent = new Agent(username, hasher.Hash(command.Password), command.DisplayName, PhoneNumber.Parse(command.Phone), command.Role!.Value, now);
        agent.ConfigureTeleCmi(command.TeleCmiUserId, command.TeleCmiCallingAllowed, now);
        agent.SetExternalId(externalId, now);
        if (command.TeleCmiPassword is not null) agent.SetTeleCmiPassword(teleCmiPasswords.Protect(command.TeleCmiPassword), now);
        db.Agents.Add(agent);
        // The id comes from the insert; the command's transaction (TransactionBehaviour) holds both writes together.
        await db.SaveChangesAsync(cancellationToken);
        audit.RecordAgent(AuditActions.Created, AgentAudit.State.None, agent);
        await db.SaveChangesAsync(cancellationToken);
        return AgentDto.From(agent);
    }
}
