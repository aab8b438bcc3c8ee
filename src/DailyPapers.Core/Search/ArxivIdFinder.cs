using DailyPapers.Core.Papers;

namespace DailyPapers.Core.Search;

/// <summary>Recognises a paper named inside a query: a bare id, arXiv:id, or a link to arXiv or Hugging Face.</summary>
internal static class ArxivIdFinder
{
    public static bool TryFind(string word, out ArxivId id)
    {
        // Ids are pasted from prose: "(arXiv:2406.12345)," or "see 2406.12345."
        var text = word.Trim('(', '[', '{', '<', '"', '\'').TrimEnd(')', ']', '}', '>', ',', ';', ':', '.', '!', '?', '"', '\'');
        if (ArxivId.TryParse(text, out id))
        {
            return true;
        }

        if (!IsPaperLink(text))
        {
            return false;
        }

        // Links ArxivId does not know (arxiv.org/html/…, alphaxiv, query strings): the id is the last path segment,
        // or the last two for old-style ids (hep-th/9901001).
        var path = text.Split('?', '#')[0].TrimEnd('/');
        var segments = path.Split('/');
        return ArxivId.TryParse(segments[^1], out id)
            || (segments.Length >= 2 && ArxivId.TryParse($"{segments[^2]}/{segments[^1]}", out id));
    }

    private static bool IsPaperLink(string text) =>
        text.Contains('/', StringComparison.Ordinal)
        && (text.Contains("xiv.org", StringComparison.OrdinalIgnoreCase) // arxiv.org, export.arxiv.org, alphaxiv.org
            || text.Contains("huggingface.co", StringComparison.OrdinalIgnoreCase)
            || text.Contains("hf.co", StringComparison.OrdinalIgnoreCase));
}
