using NUnit.Framework;

namespace TeleCmi.IntegrationTests.Support;

/// <summary>Fixture parameters: every integration fixture runs once per database engine.</summary>
public static class Engines
{
    public static IEnumerable<TestFixtureData> All()
    {
        yield return new TestFixtureData(DatabaseEngine.Sqlite);
        var mySql = new TestFixtureData(DatabaseEngine.MySql);
        mySql.Properties.Add(NUnit.Framework.Internal.PropertyNames.Category, "MySql");
        yield return mySql;
    }
}
