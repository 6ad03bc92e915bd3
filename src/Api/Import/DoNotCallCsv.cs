using System.Text;
using TeleCmi.Application.Drivers.ImportDoNotCall;

namespace TeleCmi.Api.Import;

/// <summary>
/// Reads a do-not-call list (<c>text/csv</c>, UTF-8): one number per line, or a header row naming a <c>phone</c> column
/// (other columns are ignored, e.g. a registry export's). Blank lines are skipped.
/// </summary>
public static class DoNotCallCsv
{
    /// <summary>Reads the body; <see cref="CsvFormatException"/> when it is not UTF-8 or not CSV.</summary>
    public static async Task<List<DoNotCallImportNumber>> ReadAsync(Stream body, CancellationToken ct)
    {
        using var reader = new StreamReader(body, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        string text;
        try
        {
            text = await reader.ReadToEndAsync(ct);
        }
        catch (DecoderFallbackException)
        {
            throw new CsvFormatException("The CSV file is not valid UTF-8.");
        }
        return Parse(text);
    }

    /// <summary>The numbers of <paramref name="text"/>, each with its line.</summary>
    public static List<DoNotCallImportNumber> Parse(string text)
    {
        var numbers = new List<DoNotCallImportNumber>();
        var column = 0;
        var first = true;
        foreach (var record in CsvRecords.Read(text))
        {
            if (record.Fields.All(string.IsNullOrWhiteSpace)) continue;
            if (first)
            {
                first = false;
                var header = record.Fields.Select(f => f.Trim()).ToList();
                var phone = header.FindIndex(f => f.Equals("phone", StringComparison.OrdinalIgnoreCase));
                if (phone >= 0)
                {
                    column = phone;
                    continue;
                }
                if (header.Count > 1)
                    throw new CsvFormatException($"Line {record.Line}: a file with several columns needs a header row naming the 'phone' column.");
            }
            numbers.Add(new DoNotCallImportNumber(record.Line, column < record.Fields.Count ? record.Fields[column].Trim() : string.Empty));
        }
        return numbers;
    }
}
