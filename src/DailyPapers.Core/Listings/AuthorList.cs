namespace DailyPapers.Core.Listings;

/// <summary>Shortens author lists for listing cards the way readers expect: the first few, then "et al.".</summary>
public static class AuthorList
{
    public static string Shorten(IReadOnlyList<string> authors, int shown = 4)
    {
        if (authors.Count <= shown + 1)
        {
            return string.Join(", ", authors);
        }

        return $"{string.Join(", ", authors.Take(shown))}, … {authors[^1]} (+{authors.Count - shown - 1} more)";
    }
}
