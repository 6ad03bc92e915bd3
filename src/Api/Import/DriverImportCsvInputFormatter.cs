using System.Text;
using Microsoft.AspNetCore.Mvc.Formatters;
using TeleCmi.Api.Contracts;

namespace TeleCmi.Api.Import;

/// <summary>
/// Reads a <c>text/csv</c> body into the rows of a driver import: a header row naming the columns (<c>id</c>,
/// <c>name</c>, <c>phone</c>, and optionally <c>tmId</c> and <c>kind</c>, in any order and any case), then one driver
/// per line. A header that names an unknown column, or lacks a required one, refuses the whole file (400 <c>body</c>):
/// a misspelt column would otherwise reject or blank every row.
/// </summary>
public sealed class DriverImportCsvInputFormatter : TextInputFormatter
{
    public const string MediaType = "text/csv";

    private static readonly string[] Columns = ["id", "name", "phone", "tmId", "kind"];
    private static readonly string[] RequiredColumns = ["id", "name", "phone"];

    public DriverImportCsvInputFormatter()
    {
        SupportedMediaTypes.Add(MediaType);
        SupportedEncodings.Add(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
    }

    protected override bool CanReadType(Type type) => type == typeof(List<DriverImportItem?>) || type == typeof(List<DriverImportItem>);

    public override async Task<InputFormatterResult> ReadRequestBodyAsync(InputFormatterContext context, Encoding encoding)
    {
        string text;
        using (var reader = new StreamReader(context.HttpContext.Request.Body, encoding, detectEncodingFromByteOrderMarks: true))
        {
            try
            {
                text = await reader.ReadToEndAsync(context.HttpContext.RequestAborted);
            }
            catch (DecoderFallbackException)
            {
                return Refuse(context, "The CSV file is not valid UTF-8.");
            }
        }
        try
        {
            return InputFormatterResult.Success(Parse(text));
        }
        catch (CsvFormatException e)
        {
            return Refuse(context, e.Message);
        }
    }

    /// <summary>The rows of <paramref name="text"/>, each with the line it starts on.</summary>
    public static List<DriverImportItem> Parse(string text)
    {
        using var records = CsvRecords.Read(text).GetEnumerator();
        if (!records.MoveNext()) return [];
        var header = records.Current.Fields.Select(f => f.Trim()).ToArray();
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
        {
            var column = Columns.FirstOrDefault(c => c.Equals(header[i], StringComparison.OrdinalIgnoreCase))
                ?? throw new CsvFormatException($"Line {records.Current.Line}: unknown column '{header[i]}'. The columns are {string.Join(", ", Columns)}.");
            if (!index.TryAdd(column, i)) throw new CsvFormatException($"Line {records.Current.Line}: the column '{column}' appears twice.");
        }
        var missing = RequiredColumns.Where(c => !index.ContainsKey(c)).ToArray();
        if (missing.Length > 0) throw new CsvFormatException($"Line {records.Current.Line}: the header lacks {string.Join(", ", missing)}. The columns are {string.Join(", ", Columns)}.");

        var rows = new List<DriverImportItem>();
        while (records.MoveNext())
        {
            var (line, fields) = (records.Current.Line, records.Current.Fields);
            string? Cell(string column) => index.TryGetValue(column, out var i) && i < fields.Count ? fields[i] : null;
            rows.Add(new DriverImportItem(Cell("id"), Cell("name"), Cell("phone"), Cell("tmId"), Cell("kind"))
            {
                Line = line,
                Unreadable = fields.Count > header.Length ? $"The line has {fields.Count} fields; the header has {header.Length}." : null,
            });
        }
        return rows;
    }

    private static InputFormatterResult Refuse(InputFormatterContext context, string message)
    {
        context.ModelState.TryAddModelError("body", message);
        return InputFormatterResult.Failure();
    }
}
