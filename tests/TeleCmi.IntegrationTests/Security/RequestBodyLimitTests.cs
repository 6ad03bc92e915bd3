using System.Net;
using System.Net.Http.Json;
using System.Text;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Security;

/// <summary>A body over Limits:MaxRequestBodyBytes is a 413 problem and changes nothing, also outside Kestrel.</summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class RequestBodyLimitTests(DatabaseEngine engine) : ApiFixture(engine)
{
    private const int TenMegabytes = 10 * 1024 * 1024;

    [TestCase("POST", "/api/calls/manual")]
    [TestCase("PUT", "/api/calls/{id}/feedback")]
    [TestCase("POST", "/api/webhooks/telecmi?token=" + TeleCmiApiFactory.WebhookToken)]
    public async Task ATenMegabyteBody_Is413Problem_AndChangesNothing(string method, string path)
    {
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: false);
        var driverId = await Api.NewDriverAsync();
        var call = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls/manual", new { driverId, outcome = "connected" }), HttpStatusCode.Created);
        var before = await DatabaseSnapshot.TakeAsync(Factory);
        var body = $$"""{"driverId":"{{driverId}}","outcome":"busy","remarks":"{{new string('x', TenMegabytes)}}"}""";
        var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{id}", call["id"]!.GetValue<string>()))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };

        var response = await agent.SendAsync(request);

        var problem = await TestApi.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(problem["status"]!.GetValue<int>(), Is.EqualTo(413));
        Assert.That(await DatabaseSnapshot.TakeAsync(Factory), Is.EqualTo(before));
    }

    [Test]
    public async Task AChunkedBodyWithoutLength_IsCountedAsItIsRead_And413()
    {
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: false);
        var driverId = await Api.NewDriverAsync();
        var before = await DatabaseSnapshot.TakeAsync(Factory);
        var json = $$"""{"driverId":"{{driverId}}","outcome":"busy","remarks":"{{new string('x', 200_000)}}"}""";
        var content = new StreamContent(new UnseekableStream(new MemoryStream(Encoding.UTF8.GetBytes(json))));
        content.Headers.ContentType = new("application/json");

        var response = await agent.PostAsync("/api/calls/manual", content);

        await TestApi.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.That(await DatabaseSnapshot.TakeAsync(Factory), Is.EqualTo(before));
    }

    [Test]
    public async Task ABodyUnderTheLimit_IsAccepted()
    {
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: false);
        var driverId = await Api.NewDriverAsync();

        var response = await agent.PostAsJsonAsync("/api/calls/manual", new { driverId, outcome = "connected", remarks = new string('x', 1900) });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    /// <summary>Hides the length so HttpClient sends the body chunked.</summary>
    private sealed class UnseekableStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
