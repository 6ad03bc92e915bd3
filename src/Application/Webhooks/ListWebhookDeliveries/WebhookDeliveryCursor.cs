using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace TeleCmi.Application.Webhooks.ListWebhookDeliveries;

/// <summary>Where a page of the delivery list ended: the last row's ReceivedAt and Id, as an opaque URL-safe string.</summary>
public readonly record struct WebhookDeliveryCursor(DateTime ReceivedAt, long Id)
{
    public override string ToString() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            $"{ReceivedAt.Ticks.ToString(CultureInfo.InvariantCulture)}.{Id.ToString(CultureInfo.InvariantCulture)}"));

    public static bool TryParse(string? text, out WebhookDeliveryCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > 100) return false;
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            return false;
        }
        var parts = Encoding.UTF8.GetString(bytes).Split('.', 2);
        if (parts.Length != 2
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return false;
        cursor = new WebhookDeliveryCursor(new DateTime(ticks, DateTimeKind.Utc), id);
        return true;
    }
}
