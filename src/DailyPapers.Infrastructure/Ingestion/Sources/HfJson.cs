using System.Text.Json;

namespace DailyPapers.Infrastructure.Ingestion.Sources;

/// <summary>
/// Tolerant reads of the HF API's JSON, whose fields come and go between schema versions: a missing field, a null
/// and a value of an unexpected type all read as "not given".
/// </summary>
internal static class HfJson
{
    public static JsonElement? Object(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.Object ? value : null;

    public static string? String(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static int? Int(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;

    public static DateTimeOffset? Date(this JsonElement element, string name) => SourceDates.Parse(element.String(name));

    public static IEnumerable<JsonElement> Array(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [];

    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "nothing",
    };

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    // "… LineNumber: 3 | BytePositionInLine: 7." — shortened, with the position kept in a readable form.
    public static string ShortMessage(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut].TrimEnd();
        }

        if (message.Length > 160)
        {
            message = message[..160] + "…";
        }

        return ex.LineNumber is { } line ? $"{message} (line {line + 1}, byte {ex.BytePositionInLine + 1})" : message;
    }
}
