using DailyPapers.Core.Search;

namespace DailyPapers.Infrastructure.Search;

/// <summary>A page of paper ids in rank order, about how many match in all, and what the page should tell the reader.</summary>
/// <param name="Total">
/// Lexical matches plus papers found only by meaning among the candidates: an estimate, as every search engine's is.
/// </param>
/// <param name="Notice">Why nothing can match, or what was searched differently from how it was typed; null if nothing.</param>
/// <param name="Mode">The retrievers that actually ranked (lexical when no vector is available).</param>
public sealed record PaperSearchResult(IReadOnlyList<string> Ids, int Total, string? Notice, SearchMode Mode)
{
    public static PaperSearchResult Empty(string? notice) => new([], 0, notice, SearchMode.Lexical);
}
