using System.Globalization;
using DailyPapers.Core.Papers;

namespace DailyPapers.Pages.Papers;

/// <summary>
/// Values for the paper page's <c>&lt;meta&gt;</c> tags: the <c>citation_*</c> tags Zotero and Google Scholar read
/// (the set arXiv's abstract pages carry) and the Open Graph and Twitter card tags of link previews.
/// </summary>
public static class PaperMetaTags
{
    /// <summary>Link previews show about two lines; arXiv's twitter:description stops at 200 characters.</summary>
    public const int DescriptionLength = 200;

    /// <summary>Highwire's date layout, in UTC as arXiv writes it: <c>2017/06/12</c>.</summary>
    public static string Date(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture);

    /// <summary>The text on one line, cut after its last whole word within <paramref name="maxLength"/>, with an ellipsis.</summary>
    public static string Description(string text, int maxLength = DescriptionLength)
    {
        var line = PaperText.SingleLine(text);
        if (line.Length <= maxLength)
        {
            return line;
        }

        var cut = line.LastIndexOf(' ', maxLength - 1);
        if (cut <= 0)
        {
            // One long word: cut inside it, never between the halves of a surrogate pair.
            cut = char.IsHighSurrogate(line[maxLength - 2]) ? maxLength - 2 : maxLength - 1;
        }

        return string.Concat(line.AsSpan(0, cut).TrimEnd(" ,;:."), "…");
    }
}
