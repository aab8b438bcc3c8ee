using System.Globalization;
using System.Text;

namespace DailyPapers.Core.Papers;

/// <summary>
/// An author's name folded for matching (follows, author pages): case, accents, punctuation and spacing do not count,
/// so "Yann LeCun", "yann  lecun" and "Yánn LeCun" are one author. No identity claims: two people of one name are one
/// key, and initials are not expanded.
/// </summary>
public static class AuthorKey
{
    public static string Of(string name)
    {
        var builder = new StringBuilder(name.Length);
        var pendingSpace = false;
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(char.ToLowerInvariant(c));
                pendingSpace = false;
            }
            else if (c != '\'' && c != '’')
            {
                // A hyphen, dot or space separates; an apostrophe (O'Brien) does not.
                pendingSpace = true;
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
