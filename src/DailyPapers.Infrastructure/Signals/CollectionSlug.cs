using System.Globalization;
using System.Text;

namespace DailyPapers.Infrastructure.Signals;

/// <summary>A collection's name as an address segment: "Reading list (2026)" is <c>reading-list-2026</c>.</summary>
public static class CollectionSlug
{
    public static string From(string name)
    {
        var builder = new StringBuilder();
        var pendingHyphen = false;
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
                pendingHyphen = false;
                if (builder.Length >= SignalsModel.MaxSlug - 4)
                {
                    break;
                }
            }
            else
            {
                pendingHyphen = true;
            }
        }

        // A name of only other scripts or symbols still gets an address.
        return builder.Length > 0 ? builder.ToString() : "collection";
    }

    public static bool IsWellFormed(string slug) =>
        slug.Length is > 0 and <= SignalsModel.MaxSlug && slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
