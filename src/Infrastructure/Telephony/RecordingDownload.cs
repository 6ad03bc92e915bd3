namespace TeleCmi.Infrastructure.Telephony;

/// <summary>
/// Buffers a recording in memory: range requests need a seekable stream, and a slow player must not hold
/// TeleCMI's connection open. The download has its own time limit and size cap, since the resilience
/// pipeline's timeouts end when the response headers arrive.
/// </summary>
internal static class RecordingDownload
{
    /// <summary>The audio, positioned at 0; null when it is larger than <see cref="TeleCmiOptions.MaxRecordingBytes"/>.</summary>
    public static async Task<MemoryStream?> ReadAsync(HttpResponseMessage response, TeleCmiOptions options, CancellationToken ct)
    {
        if (response.Content.Headers.ContentLength > options.MaxRecordingBytes) return null;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromSeconds(options.RecordingDownloadTimeoutSeconds));
        var buffer = new MemoryStream();
        await using var source = await response.Content.ReadAsStreamAsync(limit.Token);
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, limit.Token)) > 0)
        {
            if (buffer.Length + read > options.MaxRecordingBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        buffer.Position = 0;
        return buffer;
    }

    /// <summary>TeleCMI's error JSON when the "audio" is really one (e.g. <c>{"code":407,...}</c>), else null.</summary>
    public static TeleCmiReply? AsErrorDocument(MemoryStream audio)
    {
        var head = audio.GetBuffer().AsSpan(0, (int)Math.Min(audio.Length, 4096)).TrimStart(" \t\r\n"u8);
        if (head.IsEmpty || head[0] != (byte)'{' || audio.Length > 16 * 1024) return null;
        var reply = TeleCmiReply.Parse(System.Text.Encoding.UTF8.GetString(audio.GetBuffer(), 0, (int)audio.Length));
        return reply?.Code is not null ? reply : null;
    }
}
