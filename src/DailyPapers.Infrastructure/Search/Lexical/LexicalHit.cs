namespace DailyPapers.Infrastructure.Search.Lexical;

/// <summary>One paper found: its arXiv id and BM25 score (hits sorted by date or votes carry their score too).</summary>
public readonly record struct LexicalHit(string Id, float Score);
