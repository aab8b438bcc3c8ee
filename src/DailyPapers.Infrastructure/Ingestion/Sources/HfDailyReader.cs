using System.Text.Json;
using System.Text.RegularExpressions;
using DailyPapers.Core.Papers;

namespace DailyPapers.Infrastructure.Ingestion.Sources;

/// <summary>
/// Reads a Hugging Face <c>GET /api/daily_papers?date=…</c> response: a JSON array of listed papers. Items are parsed
/// one at a time, so a file cut short (or broken) part-way still yields the items before the damage.
/// </summary>
public static partial class HfDailyReader
{
    private const string Expected = "expected a JSON array of daily-paper items";

    private static readonly JsonReaderOptions Options = new() { AllowTrailingCommas = false, MaxDepth = 64 };

    public static IEnumerable<SourceItem> Read(Stream stream, string fileName, CancellationToken ct)
    {
        // Files are at most a few hundred KB, so the whole response is read first and parsed item by item.
        var (bytes, endsEarly) = ReadAll(stream);
        var json = bytes.AsSpan();
        if (json.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        if (json.Trim(" \t\r\n"u8).IsEmpty)
        {
            return [new RejectedItem(fileName, endsEarly ? SourceLocation.EndsEarly("#0") : $"the file is empty; {Expected}")];
        }

        var fileDay = DayInFileName(fileName);
        var items = new List<SourceItem>();
        var reader = new Utf8JsonReader(json, Options);
        var number = 0;
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                return [new RejectedItem(fileName, $"{Expected}, found {HfJson.Describe(reader.TokenType)}")];
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                ct.ThrowIfCancellationRequested();
                number++;
                using var item = JsonDocument.ParseValue(ref reader);
                items.Add(HfDailyItemParser.Parse(item.RootElement, fileName, number, fileDay));
            }
        }
        catch (JsonException ex)
        {
            // JSON cannot resume after a syntax error: what follows the damage is lost either way.
            var read = items.Count;
            var (location, reason) = (endsEarly, read) switch
            {
                (true, _) => (SourceLocation.Record(fileName, read + 1), SourceLocation.EndsEarly($"#{read}")),
                (false, 0) => (fileName, $"malformed JSON: {HfJson.ShortMessage(ex)}; {Expected}"),
                _ => (SourceLocation.Record(fileName, read + 1), $"malformed JSON: {HfJson.ShortMessage(ex)}; records after #{read} were not read"),
            };
            items.Add(new RejectedItem(location, reason));
        }

        return items;
    }

    /// <summary>The API's <c>date=</c> as the saved file names it ("2024-05-27.json", "…date-2024-05-27.json").</summary>
    internal static DateOnly? DayInFileName(string fileName)
    {
        var match = FileDate().Match(Path.GetFileName(fileName));
        return match.Success && DateOnly.TryParseExact(match.Value, "yyyy-MM-dd", out var day) ? day : null;
    }

    private static (byte[] Bytes, bool EndsEarly) ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        try
        {
            stream.CopyTo(buffer);
            return (buffer.ToArray(), false);
        }
        catch (Exception ex) when (SourceFile.IsTruncation(ex))
        {
            return (buffer.ToArray(), true);
        }
    }

    [GeneratedRegex(@"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex FileDate();
}
