using System.Globalization;

namespace DailyPapers.Tests.Api;

/// <summary>
/// How Hugging Face's Python client (<c>huggingface_hub.utils._datetime.parse_datetime</c>) reads every timestamp
/// the API sends, reproduced: a string ending in <c>Z</c> gets a fraction of exactly six digits (<c>.000000</c>
/// inserted when there is none, longer ones cut, shorter ones padded), then must match
/// <c>%Y-%m-%dT%H:%M:%S.%fZ</c> exactly. Anything else, an offset such as <c>+00:00</c> included, raises ValueError.
/// </summary>
public static class HfClientDates
{
    public static bool TryParse(string text, out DateTime value)
    {
        value = default;
        if (text.EndsWith('Z'))
        {
            var dot = text.IndexOf('.', StringComparison.Ordinal);
            text = dot < 0
                ? text[..^1] + ".000000Z"
                : $"{text[..dot]}.{text[(dot + 1)..^1].PadRight(6, '0')[..6]}Z";
        }

        // Stricter than strptime in one way: fields zero-padded (27 characters), as Hugging Face writes them.
        return text.Length == 27 && DateTime.TryParseExact(
            text, "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out value);
    }
}
