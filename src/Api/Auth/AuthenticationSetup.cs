using System.IdentityModel.Tokens.Jwt;
using System.Runtime.ExceptionServices;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Infrastructure.Persistence.Availability;

namespace TeleCmi.Api.Auth;

/// <summary>JWT bearer authentication with a start-up check of the signing key.</summary>
public static class AuthenticationSetup
{
    public static IServiceCollection AddTeleCmiAuthentication(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<JwtOptions>().Bind(configuration.GetSection(JwtOptions.SectionName))
            .PostConfigure(o =>
            {
                if (string.IsNullOrEmpty(o.SigningKey) && environment.IsDevelopment()) o.SigningKey = JwtOptions.DevelopmentKey;
            })
            .Validate(o => IsStrongKey(o.SigningKey),
                "Jwt:SigningKey (env Jwt__SigningKey) must be set to a secret of at least 32 bytes. Generate one with: openssl rand -base64 48")
            .Validate(o => string.IsNullOrEmpty(o.PreviousSigningKey) || IsStrongKey(o.PreviousSigningKey),
                "Jwt:PreviousSigningKey (env Jwt__PreviousSigningKey) must be empty or a secret of at least 32 bytes.")
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IAccessTokenIssuer, JwtAccessTokenIssuer>();
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IOptions<JwtOptions>>((o, options) =>
        {
            var jwt = options.Value;
            var keys = new List<SecurityKey> { new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwt.SigningKey!)) };
            if (!string.IsNullOrEmpty(jwt.PreviousSigningKey)) keys.Add(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwt.PreviousSigningKey)));
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = jwt.Issuer,
                ValidAudience = jwt.Audience,
                IssuerSigningKeys = keys,
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                ValidateIssuerSigningKey = true,
                RequireSignedTokens = true,
                RequireExpirationTime = true,
                ClockSkew = TimeSpan.FromSeconds(30),
                NameClaimType = JwtRegisteredClaimNames.UniqueName,
                RoleClaimType = ClaimNames.Role,
            };
            o.Events = new JwtBearerEvents
            {
                // A token stands while its agent is active, holds the rights it was issued for, and it was not signed out.
                OnTokenValidated = TokenSessionCheck.ValidateAsync,
                OnChallenge = context =>
                {
                    if (DatabaseFailure.IsUnavailability(context.AuthenticateFailure))
                        ExceptionDispatchInfo.Throw(context.AuthenticateFailure!);
                    return Task.CompletedTask;
                },
            };
        });
        services.AddAuthorization();
        return services;
    }

    private static bool IsStrongKey(string? key) => !string.IsNullOrEmpty(key) && Encoding.UTF8.GetByteCount(key) >= 32;
}
