using System.Text;

namespace DailyPapers.Infrastructure.Search.Embeddings;

/// <summary>
/// The one text preparation both models share. arXiv text keeps hard line breaks and indents; collapsing them makes
/// the same paper from two sources embed identically. LaTeX stays as written: the models saw it that way in training.
/// </summary>
public static class EmbeddingText
{
    /// <summary>Every run of whitespace (line breaks, tabs, no-break spaces) becomes one space; ends are trimmed.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>A paper as its document text, <c>title. abstract</c>; a title that ends a sentence gets no second stop.</summary>
    public static string ForPaper(string title, string? abstractText)
    {
        var cleanTitle = Normalize(title);
        var cleanAbstract = Normalize(abstractText);
        if (cleanAbstract.Length == 0)
        {
            return cleanTitle;
        }

        if (cleanTitle.Length == 0)
        {
            return cleanAbstract;
        }

        var separator = cleanTitle[^1] is '.' or '?' or '!' ? " " : ". ";
        return cleanTitle + separator + cleanAbstract;
    }
}
