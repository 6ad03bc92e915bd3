using System.Text.Json;
using System.Text.Json.Serialization;
using TeleCmi.Domain.Agents;
using TeleCmi.Domain.Calls;
using TeleCmi.Domain.Drivers;

namespace TeleCmi.Api.Contracts;

/// <summary>Sign-in credentials.</summary>
/// <param name="Username">The agent's username (case-insensitive), or their mobile number in any common Indian format
/// (<c>9800000002</c>, <c>09800000002</c>, <c>+91 98000 00002</c>, <c>919800000002</c>).</param>
/// <param name="Password">The agent's password.</param>
public sealed record SignInRequest(string Username, string Password);

/// <summary>Call a driver through TeleCMI. The caller is always the signed-in agent.</summary>
/// <param name="DriverId">The platform's driver id.</param>
/// <param name="Phone">Number to dial; the driver's number on record when left out.</param>
public sealed record InitiateCallRequest(string DriverId, string? Phone);

/// <summary>A call the agent dialled by hand.</summary>
/// <param name="DriverId">The platform's driver id.</param>
/// <param name="Phone">Number dialled; the driver's number on record when left out.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="DurationSeconds">Talk time, 0 to 86400.</param>
/// <param name="Feedback">Short feedback, up to 200 characters.</param>
/// <param name="Remarks">Remarks, up to 2000 characters.</param>
/// <param name="Notes">Notes, up to 2000 characters.</param>
/// <param name="FollowUpAt">When to call back (ISO 8601 with offset; in the future, at most 366 days ahead).</param>
public sealed record LogManualCallRequest(
    string DriverId, string? Phone, [property: RequiredInRequest] CallOutcome? Outcome, int? DurationSeconds,
    string? Feedback, string? Remarks, string? Notes, DateTimeOffset? FollowUpAt);

/// <summary>The agent's record of a call's outcome.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Feedback">Short feedback, up to 200 characters.</param>
/// <param name="Remarks">Remarks, up to 2000 characters.</param>
/// <param name="Notes">Notes, up to 2000 characters.</param>
/// <param name="DurationSeconds">Talk time, 0 to 86400 (TeleCMI's own figure wins for TeleCMI calls).</param>
/// <param name="FollowUpAt">When to call back (ISO 8601 with offset; in the future, at most 366 days ahead).</param>
public sealed record UpdateFeedbackRequest(
    [property: RequiredInRequest] CallOutcome? Outcome, string? Feedback, string? Remarks, string? Notes, int? DurationSeconds, DateTimeOffset? FollowUpAt)
{
    /// <summary>Any other body fields; the ones the agent may not set are refused.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

/// <summary>A new agent.</summary>
/// <param name="Username">Letters, digits, dot, dash, underscore; unique.</param>
/// <param name="Password">At least 8 characters.</param>
/// <param name="DisplayName">Name shown in lists and reports.</param>
/// <param name="Phone">The agent's phone.</param>
/// <param name="Role">telecaller, supervisor or admin.</param>
/// <param name="TeleCmiUserId">TeleCMI user id, <c>&lt;extension&gt;_&lt;appid&gt;</c>.</param>
/// <param name="TeleCmiCallingAllowed">May place calls through TeleCMI.</param>
/// <param name="ExternalId">The platform's user id for this person (e.g. <c>3</c>), unique; the seed's routes check the
/// app's <c>caller_id</c> against it.</param>
/// <param name="TeleCmiPassword">The agent's TeleCMI user password (write-only: stored encrypted, never returned; the
/// answer says <c>hasTeleCmiPassword</c>). Needed to hang up the agent's calls.</param>
public sealed record CreateAgentRequest(
    string Username, string Password, string DisplayName, string Phone, [property: RequiredInRequest] AgentRole? Role,
    string? TeleCmiUserId, bool TeleCmiCallingAllowed, string? ExternalId = null, string? TeleCmiPassword = null);

/// <summary>Changes to an agent; fields left out stay as they are.</summary>
/// <param name="ExternalId">Sets the platform's user id (unique).</param>
/// <param name="ClearExternalId">true removes the platform's user id.</param>
/// <param name="TeleCmiPassword">Sets the agent's TeleCMI user password (write-only: stored encrypted, never returned).</param>
/// <param name="ClearTeleCmiPassword">true removes the stored TeleCMI password.</param>
public sealed record UpdateAgentRequest(
    string? DisplayName, string? Phone, AgentRole? Role, string? Password,
    string? TeleCmiUserId, bool? ClearTeleCmiUserId, bool? TeleCmiCallingAllowed, bool? IsActive,
    string? ExternalId = null, bool? ClearExternalId = null, string? TeleCmiPassword = null, bool? ClearTeleCmiPassword = null);

/// <summary>A new driver or transporter.</summary>
/// <param name="Id">The platform's id, up to 50 characters.</param>
/// <param name="Name">Name.</param>
/// <param name="Phone">Phone number.</param>
/// <param name="TmId">Optional TM id.</param>
/// <param name="Kind">driver or transporter.</param>
public sealed record CreateDriverRequest(string Id, string Name, string Phone, string? TmId, DriverKind Kind = DriverKind.Driver);

/// <summary>The platform's current record of a driver; the id is in the path. Fields left out are cleared (tmId) or take their default (kind).</summary>
/// <param name="Name">Name.</param>
/// <param name="Phone">Phone number.</param>
/// <param name="TmId">Optional TM id.</param>
/// <param name="Kind">driver or transporter.</param>
public sealed record UpsertDriverRequest(string Name, string Phone, string? TmId, DriverKind Kind = DriverKind.Driver);

/// <summary>Why a driver is not to be called.</summary>
/// <param name="Reason">Why, 1 to 200 characters (e.g. "Asked on the phone not to be called again").</param>
/// <param name="Source">Where the request came from: driver_request, dnd_registry, wrong_number or other.</param>
public sealed record MarkDoNotCallRequest([property: RequiredInRequest] string? Reason, [property: RequiredInRequest] DoNotCallSource? Source);
