using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using TeleCmi.Infrastructure.Persistence;

namespace TeleCmi.Migrations.MySql;

/// <summary>Lets <c>dotnet ef</c> build the MySQL model without a server (the server version is fixed).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DbContextOptionsFactory.Configure(builder, new DatabaseOptions { Provider = DatabaseProvider.MySql },
            "Server=localhost;Database=telecmi;User=design;Password=design;");
        return new AppDbContext(builder.Options);
    }
}
