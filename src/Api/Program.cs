using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using TeleCmi.Api.Auth;
using TeleCmi.Api.Compatibility;
using TeleCmi.Api.Development;
using TeleCmi.Api.Infrastructure;
using TeleCmi.Api.Infrastructure.Observability;
using TeleCmi.Application;
using TeleCmi.Infrastructure;
using TeleCmi.Infrastructure.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddTeleCmiLogging();
builder.AddTeleCmiSecurityHeaders();

builder.Services.AddRequestBodyLimit(builder.Configuration);
builder.Services.AddRequestHeadLimits();
builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration, builder.Environment);
builder.Services.AddInProcessStandIn();
builder.Services.AddTeleCmiAuthentication(builder.Configuration, builder.Environment);
builder.Services.AddTeleCmiApi();
builder.Services.AddSeedRoutes(builder.Configuration);
builder.Services.AddTeleCmiRateLimiting(builder.Configuration);
builder.Services.AddTeleCmiSwagger(builder.Configuration);
builder.AddTeleCmiMetrics();

var app = builder.Build();

// Before everything else: every response, whoever writes it, carries the security headers.
app.UseTeleCmiSecurityHeaders();
// First: every response, replays and problems included, carries the correlation id, and every log line its scope.
app.UseMiddleware<CorrelationIdMiddleware>();
// The seed's routes (the app that exists): off → 404; on → their errors in the seed's envelope, replays included.
app.UseSeedRoutes();
// Before the exception handler, so that it sees (and can replay) the final problem-details response.
app.UseMiddleware<IdempotencyKeyMiddleware>();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestHeadLimits();
app.UseRequestBodyLimit();
app.UseTeleCmiMetricsPort();
app.UseTeleCmiSwagger();
// The dashboard's static files (/ and its modules): anonymous files; the data they show comes from the API below.
app.UseTeleCmiDashboard();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.MapControllers();
app.MapTeleCmiMetrics();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.WriteAsync });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthResponse.WriteAsync });

// Every setting checked (missing TeleCMI secrets, Simulated outside Development...) before the database is touched.
app.Services.GetRequiredService<IStartupValidator>().Validate();
await app.Services.InitialiseDatabaseAsync();
app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
await app.RunAsync();

/// <summary>The entry point; public so integration tests can host it.</summary>
public partial class Program;
