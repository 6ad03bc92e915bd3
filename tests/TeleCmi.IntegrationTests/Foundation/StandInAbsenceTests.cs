using System.Net;
using Microsoft.AspNetCore.Hosting;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Foundation;

/// <summary>
/// The production API carries no TeleCMI stand-in: it is a project of its own (src/TeleCmiStandIn), hosted by the API
/// only in Simulated mode, which start-up refuses outside Development.
/// </summary>
public sealed class StandInAbsenceTests
{
    [Test]
    public async Task InProduction_TheStandInsPathsAre404_AndTheOpenApiDocumentListsNoStandInOperation()
    {
        var database = TestDatabase.Create(DatabaseEngine.Sqlite);
        await using var factory = new TeleCmiApiFactory(database, b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("TeleCmi:Mode", "Live");
            // Harmless where Swagger is always served; where it is gated, this turns the document on for the check.
            b.UseSetting("Swagger:Enabled", "true");
        });
        using var http = factory.CreateClient();
        var body = new StringContent("""{"user_id":"5003_1111112","secret":"x","to":919876543210}""", System.Text.Encoding.UTF8, "application/json");

        using var oldPath = await http.PostAsync("/simulator/telecmi/v2/webrtc/click2call", body);
        using var play = await http.GetAsync("/simulator/telecmi/v2/play?appid=1111112&secret=x&file=x.wav");
        using var teleCmiPath = await http.PostAsync("/v2/webrtc/click2call", body);
        using var document = await http.GetAsync("/swagger/v1/swagger.json");
        var json = await document.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(oldPath.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(play.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(teleCmiPath.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(document.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(json, Does.Contain("/api/calls"));
            Assert.That(json, Does.Not.Contain("click2call").And.Not.Contain("/simulator").And.Not.Contain("/v2/"), "no stand-in operation");
        });
    }
}
