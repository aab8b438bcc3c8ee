using Lucene.Net.Index;
using Lucene.Net.Search;

namespace DailyPapers.Infrastructure.Search.Lexical;

/// <summary>A parsed query as Lucene runs it.</summary>
/// <param name="IsScored">
/// False when nothing in the query ranks papers (only exclusions, categories, or nothing): every hit scores the same,
/// so "relevance" order means newest first.
/// </param>
/// <param name="Notice">What was searched differently from how it was typed, for the results page; null if nothing.</param>
internal sealed record LexicalQuery(Query Query, bool IsScored, string? Notice)
{
    /// <summary>The clauses of <see cref="Query"/> that are not plain words: categories, required and excluded ones.</summary>
    public IReadOnlyList<BooleanClause> Kept { get; init; } = [];

    /// <summary>
    /// Each plain word's query (each part of a hyphenated word being a word), when there are two or more and
    /// <see cref="Requiring"/> may be used; else empty.
    /// </summary>
    public IReadOnlyList<Query> Words { get; init; } = [];

    /// <summary>The terms the plain words look for, in every field: what the query with optional words visits.</summary>
    public IEnumerable<Term> WordTerms => Words.OfType<BooleanQuery>().SelectMany(word => word.Clauses).Select(c => ((TermQuery)c.Query).Term);

    /// <summary>
    /// <see cref="Query"/> with at least <paramref name="words"/> of its plain words required. A paper it matches scores
    /// exactly as under <see cref="Query"/>; over millions of papers it is far cheaper, since its scorer leads with the
    /// rarest words instead of visiting every paper with any word.
    /// </summary>
    public Query Requiring(int words)
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (var clause in Kept)
        {
            query.Add(clause);
        }

        var enough = new BooleanQuery(disableCoord: true) { MinimumNumberShouldMatch = words };
        foreach (var word in Words)
        {
            enough.Add(word, Occur.SHOULD);
        }

        query.Add(enough, Occur.MUST);
        return query;
    }
}
