using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace DailyPapers.Core.Listings;

/// <summary>
/// Where a walk over every paper, newest first, stopped: the last paper's submission time and id, as an opaque
/// URL-safe token. Clients pass it back unchanged; a token that is not one of ours is refused, never guessed at.
/// </summary>
public sealed record PaperCursor(DateTime? SubmittedAt, string Id)
{
    private const string Version = "p1";

    public string Encode()
    {
        var time = SubmittedAt is { } at ? at.Ticks.ToString(CultureInfo.InvariantCulture) : "-";
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Version}|{time}|{Id}"));
    }

    public static bool TryDecode(string? token, out PaperCursor cursor)
    {
        cursor = null!;
        if (string.IsNullOrEmpty(token) || token.Length > 200 || !Base64Url.IsValid(token))
        {
            return false;
        }

        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            return false;
        }

        var parts = text.Split('|');
        if (parts.Length != 3 || parts[0] != Version || parts[2].Length is 0 or > 40)
        {
            return false;
        }

        if (parts[1] == "-")
        {
            cursor = new PaperCursor(null, parts[2]);
            return true;
        }

        if (!long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        cursor = new PaperCursor(new DateTime(ticks, DateTimeKind.Utc), parts[2]);
        return true;
    }
}
