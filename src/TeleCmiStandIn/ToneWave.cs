namespace TeleCmi.StandIn;

/// <summary>Generates the stand-in's "recording": a short sine tone as 8 kHz, 16-bit mono PCM WAV.</summary>
public static class ToneWave
{
    /// <summary>A WAV file of <paramref name="seconds"/> of a <paramref name="hertz"/> tone, faded in and out so it does not click.</summary>
    public static byte[] Create(double seconds = 2, double hertz = 440, int sampleRate = 8000)
    {
        var samples = (int)(seconds * sampleRate);
        var dataBytes = samples * sizeof(short);
        using var stream = new MemoryStream(44 + dataBytes);
        using (var w = new BinaryWriter(stream))
        {
            w.Write("RIFF"u8);
            w.Write(36 + dataBytes);
            w.Write("WAVE"u8);
            w.Write("fmt "u8);
            w.Write(16);                          // size of the fmt chunk
            w.Write((short)1);                    // PCM
            w.Write((short)1);                    // mono
            w.Write(sampleRate);
            w.Write(sampleRate * sizeof(short));  // bytes per second
            w.Write((short)sizeof(short));        // block align
            w.Write((short)16);                   // bits per sample
            w.Write("data"u8);
            w.Write(dataBytes);
            var fade = sampleRate / 20;
            for (var i = 0; i < samples; i++)
            {
                var envelope = Math.Min(1.0, Math.Min(i, samples - 1 - i) / (double)fade);
                w.Write((short)(Math.Sin(2 * Math.PI * hertz * i / sampleRate) * envelope * 0.3 * short.MaxValue));
            }
        }
        return stream.ToArray();
    }
}
