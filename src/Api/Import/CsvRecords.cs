using System.Text;

namespace TeleCmi.Api.Import;

/// <summary>One CSV record: the line it starts on (from 1) and its fields.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>A CSV file that cannot be read as records (a quoted field left open).</summary>
public sealed class CsvFormatException(string message) : Exception(message);

/// <summary>
/// Splits RFC 4180 CSV into records: comma-separated fields; a field in double quotes may hold commas, line breaks and
/// doubled quotes (<c>""</c>); records end with CRLF, LF or CR; a byte-order mark and blank lines are skipped. Lenient
/// where a spreadsheet is: a quote inside an unquoted field is kept as a character.
/// </summary>
public static class CsvRecords
{
    public static IEnumerable<CsvRecord> Read(string text)
    {
        var position = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var line = 1;
        var fields = new List<string>();
        var field = new StringBuilder();
        while (position < text.Length)
        {
            var startLine = line;
            fields.Clear();
            var endOfRecord = false;
            while (!endOfRecord)
            {
                field.Clear();
                if (position < text.Length && text[position] == '"')
                {
                    position++;
                    while (true)
                    {
                        if (position >= text.Length) throw new CsvFormatException($"Line {startLine}: a quoted field is not closed.");
                        var c = text[position++];
                        if (c == '"')
                        {
                            if (position < text.Length && text[position] == '"') { field.Append('"'); position++; continue; }
                            break;
                        }
                        if (c == '\n' || (c == '\r' && (position >= text.Length || text[position] != '\n'))) line++;
                        field.Append(c);
                    }
                }
                while (position < text.Length && text[position] is not (',' or '\r' or '\n')) field.Append(text[position++]);
                fields.Add(field.ToString());
                if (position >= text.Length) endOfRecord = true;
                else if (text[position] == ',') position++;
                else
                {
                    position += text[position] == '\r' && position + 1 < text.Length && text[position + 1] == '\n' ? 2 : 1;
                    line++;
                    endOfRecord = true;
                }
            }
            if (fields is [""]) continue; // a blank line
            yield return new CsvRecord(startLine, fields.ToArray());
        }
    }
}
