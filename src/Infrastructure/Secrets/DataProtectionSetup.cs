using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Infrastructure.Persistence;

namespace TeleCmi.Infrastructure.Secrets;

/// <summary>
/// ASP.NET Core Data Protection with its key ring in the service's own database (<c>data_protection_keys</c>), so every
/// instance sharing the database reads and writes the same keys: a password one instance encrypted, another decrypts.
/// </summary>
public static class DataProtectionSetup
{
    /// <summary>
    /// Isolates this service's protected data from other apps' even if they shared the key table. Changing it makes every
    /// stored TeleCMI password unreadable.
    /// </summary>
    public const string ApplicationName = "TeleCmi";

    public static IServiceCollection AddSecretProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<AppDbContext>();
        services.AddSingleton<ITeleCmiPasswordProtector, DataProtectionTeleCmiPasswordProtector>();
        services.AddSingleton<ITeleCmiUserTokens, InMemoryTeleCmiUserTokens>();
        return services;
    }
}
