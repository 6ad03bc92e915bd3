using NUnit.Framework;

namespace TeleCmi.IntegrationTests;

/// <summary>Says once, at the start of the run, whether the MySQL/MariaDB tests will run or be skipped.</summary>
[SetUpFixture]
public sealed class MySqlAvailabilityNotice
{
    [OneTimeSetUp]
    public void Announce()
    {
        var message = string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Support.TestDatabase.MySqlVariable))
            ? $"NOTE: MySQL/MariaDB tests will be SKIPPED: {Support.TestDatabase.MySqlVariable} is not set (see README, 'Run it, test it')."
            : "MySQL/MariaDB tests will run against " + Support.TestDatabase.MySqlVariable + ".";
        TestContext.Progress.WriteLine(message);
    }
}
