namespace DailyPapers.Infrastructure.Search.Lexical;

/// <summary>One page of hits, how many papers match in all, and what the page should tell the reader.</summary>
/// <param name="Notice">
/// Why nothing can match (impossible filters), or what was searched differently from how it was typed; the parser's
/// own notice is in <c>ParsedQuery.Notice</c> and is not repeated here.
/// </param>
public sealed record LexicalSearchResult(IReadOnlyList<LexicalHit> Hits, int TotalHits, string? Notice)
{
    public static LexicalSearchResult Empty(string? notice) => new([], 0, notice);
}
