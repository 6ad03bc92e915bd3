using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using TeleCmi.Application.Common.Observability;

namespace TeleCmi.UnitTests.Support;

/// <summary>
/// A <see cref="TeleCmiMetrics"/> whose measurements are kept in memory. Its meter is scoped to this instance, so
/// tests running side by side never see each other's measurements.
/// </summary>
public sealed class RecordedMetrics : IMeterFactory
{
    private readonly List<Meter> meters = [];
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<Measurement> measurements = new();

    public RecordedMetrics()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == this) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<int>((i, value, tags, _) => Add(i, value, tags));
        listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Add(i, value, tags));
        listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Add(i, value, tags));
        listener.Start();
        Metrics = new TeleCmiMetrics(this);
    }

    public TeleCmiMetrics Metrics { get; }

    public sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, string?> Tags);

    /// <summary>Measurements of one instrument, optionally only those carrying every given tag value.</summary>
    public IReadOnlyList<Measurement> Of(string instrument, params (string Key, string Value)[] tags) =>
        measurements.Where(m => m.Instrument == instrument && tags.All(t => m.Tags.TryGetValue(t.Key, out var v) && v == t.Value)).ToList();

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(new MeterOptions(options.Name) { Version = options.Version, Tags = options.Tags, Scope = this });
        meters.Add(meter);
        return meter;
    }

    public void Dispose()
    {
        listener.Dispose();
        foreach (var meter in meters) meter.Dispose();
    }

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, string?>();
        foreach (var tag in tags) copy[tag.Key] = tag.Value?.ToString();
        measurements.Enqueue(new Measurement(instrument.Name, value, copy));
    }
}
