using DailyPapers.Core.Search;
using DailyPapers.Infrastructure.Search.Lexical;
using DailyPapers.Infrastructure.Search.Vectors;

namespace DailyPapers.Infrastructure.Search;

/// <summary>
/// The search behind the search box, the API and the benchmarks. By relevance it fuses BM25 and vector results by
/// reciprocal rank; papers named by id or exact title come first. Sorted by date or votes, and whenever no vector
/// can help (model off, nothing embedded yet, a query of only authors or categories), it is lexical, silently;
/// while the stored vectors are still loading after a start, it is lexical and says so.
/// </summary>
public sealed class PaperSearch(LexicalSearcher lexical, SemanticSearcher? semantic, HybridOptions options)
{
    /// <summary>How many vector results to fetch per wanted result when each must be checked against restrictions.</summary>
    private const int OverFetch = 2;

    /// <summary>
    /// The least share of all papers a restriction must pass for over-fetching to be tried: then at most
    /// <see cref="OverFetch"/> / 0.05 = 40 candidates (4,000 for a page of 100) are checked per one wanted. Narrower
    /// ones search the graph for their papers only, which first lists every passing paper: at 2.7M papers a fifth was
    /// 540,000 ids, and a filter passing 7% or 15% of them took 151 or 345 ms at the median that way.
    /// </summary>
    private const double BroadShare = 0.05;

    /// <summary>
    /// How much wider than the first over-fetch the last may look (each try four times the one before) before the
    /// graph is searched for the passing papers alone. At 2.7M papers, a query about a topic outside a large category
    /// found too few of its papers among the first 800 and listed 700,000 ids instead: about a second.
    /// </summary>
    private const int WidestOverFetch = 16;

    /// <summary>
    /// The most candidates one over-fetch may look at: a deep page in a narrow share would otherwise walk most of the
    /// graph and check hundreds of thousands of ids; the passing papers' own graph search is cheaper there.
    /// </summary>
    private const int MostOverFetched = 20_000;

    public LexicalSearcher Lexical => lexical;

    /// <summary>Whether vectors can take part: the model is on, the stored vectors are loaded and some paper has one.</summary>
    public bool IsSemanticAvailable => semantic is { IsLoading: false, Count: > 0 };

    /// <summary>Said with results ranked by words only because the vectors are still loading after a start.</summary>
    public const string VectorsLoadingNotice =
        "Search by meaning is still starting up: these results are ranked by their words only. Search again in a minute for the full ranking.";

    /// <summary>Said instead of results while another process holds the index.</summary>
    public const string BusyNotice = "Search is unavailable for a moment: its index is being rebuilt. Please try again shortly.";

    public PaperSearchResult Search(PaperSearchRequest request)
    {
        try
        {
            return Rank(request);
        }
        catch (LexicalIndexBusyException)
        {
            return PaperSearchResult.Empty(BusyNotice);
        }
    }

    /// <summary>
    /// Papers like this one: nearest by vector, or, before it has one, the best BM25 matches of its title. Never
    /// the paper itself; none while the index is unavailable.
    /// </summary>
    public IReadOnlyList<string> Similar(string id, string title, int limit)
    {
        try
        {
            return Neighbours(id, title, limit);
        }
        catch (LexicalIndexBusyException)
        {
            return [];
        }
    }

    private PaperSearchResult Rank(PaperSearchRequest request)
    {
        var (query, filters) = (request.Query, request.Filters);
        if (filters.Validate() is { } impossible)
        {
            return PaperSearchResult.Empty(impossible);
        }

        var offset = Math.Clamp(request.Offset, 0, LexicalSearcher.MaxOffset);
        var depth = offset + Math.Clamp(request.Limit, 0, LexicalSearcher.MaxLimit);
        var byRelevance = request.Sort == SearchSort.Relevance;
        var first = byRelevance ? FirstIds(query, filters) : [];
        if (request.Mode == SearchMode.Lexical || !byRelevance || query.FreeText.Length == 0 || !IsSemanticAvailable)
        {
            var found = lexical.Search(query, filters, request.Sort, 0, depth);
            var ranked = byRelevance ? RankFusion.PutFirst([.. found.Hits.Select(h => h.Id)], first, depth) : [.. found.Hits.Select(h => h.Id)];
            // Not silently: a reader who searched by meaning right after a restart would take worse results for the best.
            var loading = request.Mode != SearchMode.Lexical && byRelevance && query.FreeText.Length > 0 && semantic is { IsLoading: true };
            return new PaperSearchResult(
                [.. ranked.Skip(offset)], Math.Max(found.TotalHits, ranked.Count), found.Notice ?? (loading ? VectorsLoadingNotice : null), SearchMode.Lexical);
        }

        var candidates = Math.Max(options.Candidates, depth);
        var byMeaning = SemanticIds(query, filters, candidates);
        if (request.Mode == SearchMode.Semantic)
        {
            var ranked = RankFusion.PutFirst(byMeaning, first, depth);
            return new PaperSearchResult([.. ranked.Skip(offset)], ranked.Count, null, SearchMode.Semantic);
        }

        var byWords = lexical.Search(query, filters, SearchSort.Relevance, 0, candidates);
        var lexicalIds = byWords.Hits.Select(h => h.Id).ToList();
        var fused = RankFusion.Fuse([lexicalIds, byMeaning], depth, options.K, [options.LexicalWeight, options.SemanticWeight]);
        var hybrid = RankFusion.PutFirst(fused, first, depth);
        // Counted over the first candidates only, so that the estimate does not grow as the reader pages on.
        var onlyByMeaning = byMeaning.Take(options.Candidates).Except(lexicalIds.Take(options.Candidates), StringComparer.Ordinal).Count();
        return new PaperSearchResult([.. hybrid.Skip(offset)], Math.Max(byWords.TotalHits + onlyByMeaning, hybrid.Count), byWords.Notice, SearchMode.Hybrid);
    }

    private IReadOnlyList<string> Neighbours(string id, string title, int limit)
    {
        if (limit <= 0)
        {
            return [];
        }

        if (semantic?.Similar(id, limit) is { Count: > 0 } near)
        {
            return [.. near.Select(h => h.Id)];
        }

        var byTitle = lexical.TopIds(SearchQuery.ParsePlainText(title), limit + 1);
        return [.. byTitle.Select(h => h.Id).Where(other => other != id).Take(limit)];
    }

    private IReadOnlyList<string> SemanticIds(ParsedQuery query, SearchFilters filters, int candidates) =>
        semantic!.Embed(query.FreeText) is { } vector ? NearestIds(vector, query, filters, candidates) : [];

    /// <summary>
    /// The papers nearest to an embedded query that pass the query's restrictions and the filters, best first, at most
    /// <paramref name="candidates"/> (none when even the nearest is below the similarity floor).
    /// </summary>
    internal IReadOnlyList<string> NearestIds(float[] vector, ParsedQuery query, SearchFilters filters, int candidates)
    {
        var vectors = semantic ?? throw new InvalidOperationException("Search by meaning is off.");
        var scope = lexical.Scope(query, filters, options.ScopeLimit);
        if (!scope.NeedsCheck)
        {
            return [.. AboveFloor(vectors.Search(vector, candidates, scope.Within))];
        }

        // Too many pass to score one by one. When many papers pass, the nearest few hundred hold enough of them; a
        // query far from the passing papers (a topic outside the category) needs a wider look, up to WidestOverFetch.
        var share = Math.Min(1, scope.Matching / (double)Math.Max(1, vectors.Count));
        if (share >= BroadShare)
        {
            var first = (int)Math.Ceiling(candidates * OverFetch / share);
            for (var wanted = first; wanted <= Math.Min(first * WidestOverFetch, MostOverFetched); wanted *= 4)
            {
                var nearest = vectors.Search(vector, wanted, within: null, rescore: false);
                var allowed = lexical.KeepAllowed([.. nearest.Select(h => h.Id)], query, filters).ToHashSet(StringComparer.Ordinal);
                // Enough, or every vector was looked at: nothing that passes is missing.
                if (allowed.Count >= candidates || nearest.Count < wanted)
                {
                    return [.. AboveFloor(vectors.Rescore(vector, [.. nearest.Where(h => allowed.Contains(h.Id)).Take(candidates)]))];
                }
            }
        }

        // Otherwise the graph is searched for the passing papers alone, so a narrow filter never comes back short.
        var keys = vectors.Allow(lexical.MatchingIds(query, filters));
        return [.. AboveFloor(vectors.Search(vector, candidates, keys))];
    }

    /// <summary>The ids, or none when even the nearest is too far to mean anything (see <see cref="HybridOptions.MinSimilarity"/>).</summary>
    private IEnumerable<string> AboveFloor(IReadOnlyList<VectorHit> hits) =>
        hits.Count > 0 && hits[0].Score >= options.MinSimilarity ? hits.Select(h => h.Id) : [];

    /// <summary>
    /// Papers the query names by arXiv id or by exact title, if the filters let them through and the index has them:
    /// an id typed for a hidden paper, or one this instance never stored, is not a result.
    /// </summary>
    private IReadOnlyList<string> FirstIds(ParsedQuery query, SearchFilters filters)
    {
        var named = query.ArxivIds.Select(id => id.Value).Concat(lexical.ExactTitleIds(query.Text)).ToList();
        return named.Count == 0 ? named : lexical.KeepAllowed(named, SearchQuery.Parse(null), filters);
    }
}
