using System.Globalization;
using System.Text;

namespace DailyPapers.Core.Search;

/// <summary>
/// Whether a query is a paper's title, as people type or paste it: case, accents, punctuation and spacing aside
/// ("bert pre-training of deep bidirectional transformers…" is "BERT: Pre-training of Deep Bidirectional …").
/// </summary>
public static class ExactTitle
{
    public static bool Matches(string? query, string? title)
    {
        var key = Key(query);
        return key.Length > 0 && string.Equals(key, Key(title), StringComparison.Ordinal);
    }

    /// <summary>The letters and digits of the text, lower case and without accents, words separated by one space.</summary>
    public static string Key(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        string decomposed;
        try
        {
            decomposed = text.Normalize(NormalizationForm.FormKD);
        }
        catch (ArgumentException)
        {
            // Invalid UTF-16 (a lone surrogate) cannot be normalised; its letters still compare.
            decomposed = text;
        }

        var key = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && key.Length > 0)
                {
                    key.Append(' ');
                }

                key.Append(char.ToLowerInvariant(c));
                pendingSpace = false;
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                pendingSpace = true;
            }
        }

        return key.ToString();
    }
}
