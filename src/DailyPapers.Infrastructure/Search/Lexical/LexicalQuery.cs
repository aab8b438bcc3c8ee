using Lucene.Net.Search;

namespace DailyPapers.Infrastructure.Search.Lexical;

/// <summary>A parsed query as Lucene runs it.</summary>
/// <param name="IsScored">
/// False when nothing in the query ranks papers (only exclusions, categories, or nothing): every hit scores the same,
/// so "relevance" order means newest first.
/// </param>
/// <param name="Notice">What was searched differently from how it was typed, for the results page; null if nothing.</param>
internal sealed record LexicalQuery(Query Query, bool IsScored, string? Notice);
