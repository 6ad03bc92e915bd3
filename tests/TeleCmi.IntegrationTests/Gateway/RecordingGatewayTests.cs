using NUnit.Framework;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.IntegrationTests.Gateway.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace TeleCmi.IntegrationTests.Gateway;

/// <summary>Recording playback through the real gateway: audio, TeleCMI's JSON errors, an unreachable provider.</summary>
public sealed class RecordingGatewayTests
{
    private const string File = "1700000000_5003_2222223.mp3";

    private WireMockServer server = null!;
    private GatewayHost? host;

    [SetUp]
    public void StartStandIn() => server = WireMockServer.Start();

    [TearDown]
    public void Stop()
    {
        server.Stop();
        server.Dispose();
        if (host is null) return;
        var leaks = host.Logs.Containing([GatewayHost.AppSecret]);
        host.Dispose();
        host = null;
        Assert.That(leaks, Is.Empty, "the app secret was logged (it rides in the play URL)");
    }

    [Test]
    public async Task OpenRecording_WhenTeleCmiSendsAudio_ReturnsASeekableStreamWithItsMediaType_AndSendsTheCredentials()
    {
        var audio = Enumerable.Range(0, 5000).Select(i => (byte)i).ToArray();
        server.Given(Request.Create().WithPath("/v2/play").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "audio/mpeg").WithBody(audio));

        var result = await Gateway().OpenRecordingAsync(File, CancellationToken.None);

        var played = (RecordingResult.Audio)result;
        Assert.That(played.ContentType, Is.EqualTo("audio/mpeg"));
        Assert.That(played.Content.CanSeek, Is.True);
        using var copy = new MemoryStream();
        await played.Content.CopyToAsync(copy);
        Assert.That(copy.ToArray(), Is.EqualTo(audio));
        var query = server.LogEntries.Single().RequestMessage!.Query!;
        Assert.Multiple(() =>
        {
            Assert.That(query["appid"].Single(), Is.EqualTo(GatewayHost.AppId));
            Assert.That(query["secret"].Single(), Is.EqualTo(GatewayHost.AppSecret));
            Assert.That(query["file"].Single(), Is.EqualTo(File));
        });
    }

    [Test]
    public async Task OpenRecording_WhenTeleCmiAnswersHttp200WithAJsonError_Fails()
    {
        server.Given(Request.Create().WithPath("/v2/play").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"code":407,"msg":"File not found"}"""));

        var result = await Gateway().OpenRecordingAsync(File, CancellationToken.None);

        Assert.That(result, Is.EqualTo(new RecordingResult.Failed(407, "File not found")));
    }

    [Test]
    public async Task OpenRecording_WhenTeleCmiLabelsAJsonErrorAsAudio_StillFails()
    {
        server.Given(Request.Create().WithPath("/v2/play").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "audio/mpeg").WithBody("""{"code":407,"msg":"File not found"}"""));

        var result = await Gateway().OpenRecordingAsync(File, CancellationToken.None);

        Assert.That(result, Is.EqualTo(new RecordingResult.Failed(407, "File not found")));
    }

    [Test]
    public async Task OpenRecording_WhenNothingListens_IsUnavailable()
    {
        host = new GatewayHost(GatewayHost.ClosedPortUrl());

        var result = await host.Gateway.OpenRecordingAsync(File, CancellationToken.None);

        Assert.That(result, Is.TypeOf<RecordingResult.Unavailable>());
    }

    private ITeleCmiGateway Gateway()
    {
        host = new GatewayHost(server.Url!);
        return host.Gateway;
    }
}
