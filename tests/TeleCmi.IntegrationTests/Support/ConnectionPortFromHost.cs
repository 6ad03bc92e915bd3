using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace TeleCmi.IntegrationTests.Support;

/// <summary>
/// Gives TestServer requests the local port Kestrel would: the port of the client's base address. TestServer has no
/// sockets, so without this every request arrives on port 0 and the metrics port (chosen by the connection's port,
/// never the Host header) cannot be tested in-process. The Kestrel tests check the real thing.
/// </summary>
public sealed class ConnectionPortFromHost : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Connection.LocalPort == 0) context.Connection.LocalPort = context.Request.Host.Port ?? 80;
            return nextMiddleware(context);
        });
        next(app);
    };
}
