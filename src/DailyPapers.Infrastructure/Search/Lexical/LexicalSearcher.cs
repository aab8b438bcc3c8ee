using DailyPapers.Core.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Microsoft.Extensions.Options;

namespace DailyPapers.Infrastructure.Search.Lexical;

/// <summary>
/// BM25 search over the lexical index: a results page with filters and sort, the top ids for rank fusion, exact
/// title look-up and highlighted snippets. Thread-safe; each call searches the newest refreshed view of the index.
/// </summary>
public sealed class LexicalSearcher
{
    /// <summary>Deep pages cost memory and time linear in offset + limit; nobody reads past page 500.</summary>
    public const int MaxOffset = 10_000;

    public const int MaxLimit = 1_000;

    private static readonly Sort Newest = new(new SortField(LexicalFields.Day, SortFieldType.INT32, true), SortField.FIELD_SCORE);

    private static readonly Sort MostVoted = new(
        new SortField(LexicalFields.Votes, SortFieldType.INT32, true),
        new SortField(LexicalFields.Day, SortFieldType.INT32, true),
        SortField.FIELD_SCORE);

    private readonly LexicalIndex _index;
    private readonly LexicalQueryBuilder _builder;
    private readonly LexicalHighlighter _highlighter;
    private readonly long _exactBudget;

    public LexicalSearcher(LexicalIndex index, IOptions<LexicalOptions> options)
    {
        _index = index;
        _exactBudget = options.Value.ExactPostingsBudget;
        _builder = new LexicalQueryBuilder(index.Analyzer, options.Value.TitleBoost, options.Value.AuthorsBoost);
        _highlighter = new LexicalHighlighter(index.Analyzer);
    }

    /// <summary>
    /// One page of papers matching the query and filters. A query that ranks nothing (only exclusions or
    /// categories, or empty) lists every paper it allows, newest first, whatever <paramref name="sort"/> says about
    /// relevance.
    /// </summary>
    public LexicalSearchResult Search(ParsedQuery query, SearchFilters filters, SearchSort sort, int offset, int limit)
    {
        if (filters.Validate() is { } impossible)
        {
            return LexicalSearchResult.Empty(impossible);
        }

        offset = Math.Clamp(offset, 0, MaxOffset);
        limit = Math.Clamp(limit, 0, MaxLimit);
        var built = _builder.Build(query);
        var filter = LexicalFilter.For(filters);
        using var lease = _index.Acquire();
        var searcher = lease.Searcher;
        if (limit == 0)
        {
            var counter = new TotalHitCountCollector();
            searcher.Search(built.Query, filter, counter);
            return new LexicalSearchResult([], counter.TotalHits, built.Notice);
        }

        var order = sort switch
        {
            SearchSort.Newest => Newest,
            SearchSort.MostVoted => MostVoted,
            _ => built.IsScored ? null : Newest,
        };
        var depth = offset + limit;
        var found = new List<ScoreDoc>(depth);
        var seen = new HashSet<int>();
        var total = 0;
        foreach (var candidate in Candidates(built, searcher.IndexReader, mayRequireWords: order is null && filter is null))
        {
            // Each step's papers after the ones before it, best first; the last step is the query as typed.
            var top = order is null
                ? searcher.Search(candidate, filter, depth)
                : searcher.Search(candidate, filter, depth, order, doDocScores: true, doMaxScore: false);
            total = Math.Max(total, top.TotalHits);
            found.AddRange(top.ScoreDocs.Where(doc => seen.Add(doc.Doc)).Take(depth - found.Count));
            if (found.Count >= depth)
            {
                break;
            }
        }

        var ids = new IdReader(searcher.IndexReader);
        var hits = found.Skip(offset).Select(doc => new LexicalHit(ids.Get(doc.Doc), doc.Score)).ToList();
        return new LexicalSearchResult(hits, total, built.Notice);
    }

    /// <summary>
    /// The queries whose papers make the results, in turn, the last always the query as typed (any plain word will do).
    /// When that would read more than <see cref="LexicalOptions.ExactPostingsBudget"/> postings (and the order is by
    /// relevance, without a filter), first the papers with every word, then with all but one, then all but two, each with
    /// the query's required clauses: the results are those of the first step, then the next step's other papers, and so
    /// on until the page is full, so they are the same papers as the query's. Each scores as under the query; papers with
    /// more of the words come first. The total is the broadest step's that ran.
    /// </summary>
    private IEnumerable<Query> Candidates(LexicalQuery built, IndexReader reader, bool mayRequireWords)
    {
        if (mayRequireWords && built.Words.Count >= 2 && built.WordTerms.Sum(term => (long)reader.DocFreq(term)) > _exactBudget)
        {
            // At most three steps: a long question rarely has many papers with all but a few of its words.
            for (var required = built.Words.Count; required >= Math.Max(2, built.Words.Count - 2); required--)
            {
                yield return built.Requiring(required);
            }
        }

        yield return built.Query;
    }

    /// <summary>The best <paramref name="k"/> papers by BM25, best first: the lexical list for rank fusion.</summary>
    public IReadOnlyList<(string Id, float Score)> TopIds(ParsedQuery query, int k, SearchFilters? filters = null) =>
        [.. Search(query, filters ?? SearchFilters.None, SearchSort.Relevance, 0, k).Hits.Select(hit => (hit.Id, hit.Score))];

    /// <summary>
    /// Where vector search may look for this query: the papers passing its required and excluded clauses (phrases,
    /// au:, ti:, cat:, -words) and the filters, listed when there are at most <paramref name="max"/> of them.
    /// </summary>
    public SemanticScope Scope(ParsedQuery query, SearchFilters filters, int max)
    {
        var constraint = Constraint(query);
        if (constraint is null && filters.IsEmpty)
        {
            return SemanticScope.Everything;
        }

        var filter = LexicalFilter.For(filters);
        Query matching = constraint is null ? new MatchAllDocsQuery() : constraint;
        using var lease = _index.Acquire();
        var counter = new TotalHitCountCollector();
        lease.Searcher.Search(matching, filter, counter);
        if (counter.TotalHits > max)
        {
            return SemanticScope.CheckEach(counter.TotalHits);
        }

        var top = lease.Searcher.Search(matching, filter, Math.Max(1, counter.TotalHits));
        var ids = new IdReader(lease.Searcher.IndexReader);
        return SemanticScope.Only([.. top.ScoreDocs.Select(hit => ids.Get(hit.Doc))]);
    }

    /// <summary>
    /// Every paper passing the query's required and excluded clauses and the filters, in index order: the papers a
    /// filtered search by meaning may return when there are too many for <see cref="Scope"/> to list.
    /// </summary>
    public IReadOnlyList<string> MatchingIds(ParsedQuery query, SearchFilters filters)
    {
        var matching = (Query?)Constraint(query) ?? new MatchAllDocsQuery();
        using var lease = _index.Acquire();
        var collector = new IdCollector();
        lease.Searcher.Search(matching, LexicalFilter.For(filters), collector);
        return collector.Ids;
    }

    /// <summary>The <paramref name="candidates"/> (order kept) that pass the query's required and excluded clauses and the filters.</summary>
    public IReadOnlyList<string> KeepAllowed(IReadOnlyList<string> candidates, ParsedQuery query, SearchFilters filters)
    {
        if (candidates.Count == 0)
        {
            return [];
        }

        var matching = new BooleanQuery { { new ConstantScoreQuery(LexicalFilter.IdsFilter(candidates)), Occur.MUST } };
        if (Constraint(query) is { } constraint)
        {
            matching.Add(constraint, Occur.MUST);
        }

        using var lease = _index.Acquire();
        var top = lease.Searcher.Search(matching, LexicalFilter.For(filters), candidates.Count);
        var ids = new IdReader(lease.Searcher.IndexReader);
        var allowed = top.ScoreDocs.Select(hit => ids.Get(hit.Doc)).ToHashSet(StringComparer.Ordinal);
        return [.. candidates.Where(allowed.Contains)];
    }

    /// <summary>Papers whose title is the whole query, as <see cref="ExactTitle"/> compares them; usually none or one.</summary>
    public IReadOnlyList<string> ExactTitleIds(string? text)
    {
        var key = ExactTitle.Key(text);
        if (key.Length == 0)
        {
            return [];
        }

        using var lease = _index.Acquire();
        var top = lease.Searcher.Search(new TermQuery(new Term(LexicalFields.TitleKey, key)), 10);
        var ids = new IdReader(lease.Searcher.IndexReader);
        return [.. top.ScoreDocs.Select(hit => ids.Get(hit.Doc)).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The text as safe HTML with the query's words in <c>&lt;mark&gt;</c>: a title whole, an abstract as its best one
    /// or two passages. Null when no word of the query occurs in it; the page then shows the text itself.
    /// </summary>
    public string? Highlight(string? text, ParsedQuery query, SnippetField field) =>
        _highlighter.Highlight(text, _builder.Build(query).Query, field);

    /// <summary>
    /// What every result must satisfy, without what only ranks: the required and prohibited clauses of the query
    /// (optional word bags and ids left out). Null when the query requires nothing.
    /// </summary>
    private BooleanQuery? Constraint(ParsedQuery query)
    {
        if (_builder.Build(query).Query is not BooleanQuery root)
        {
            return null;
        }

        var constraint = new BooleanQuery(disableCoord: true);
        foreach (var clause in root.Clauses.Where(c => c.Occur != Occur.SHOULD && c.Query is not MatchAllDocsQuery))
        {
            constraint.Add(clause.Query, clause.Occur);
        }

        if (constraint.Clauses.Count == 0)
        {
            return null;
        }

        if (constraint.Clauses.All(c => c.Occur == Occur.MUST_NOT))
        {
            constraint.Add(new MatchAllDocsQuery(), Occur.MUST);
        }

        return constraint;
    }

    /// <summary>Reads hit ids from doc values: unlike stored fields, no block of documents is decompressed per hit.</summary>
    private readonly struct IdReader(IndexReader reader)
    {
        private readonly IList<AtomicReaderContext> _leaves = reader.Leaves;

        public string Get(int doc)
        {
            var leaf = _leaves[ReaderUtil.SubIndex(doc, _leaves)];
            var bytes = new BytesRef();
            leaf.AtomicReader.GetBinaryDocValues(LexicalFields.Id).Get(doc - leaf.DocBase, bytes);
            return bytes.Utf8ToString();
        }
    }

    /// <summary>Collects the id of every matching document from doc values, segment by segment, without scoring.</summary>
    private sealed class IdCollector : ICollector
    {
        private readonly BytesRef _bytes = new();
        private BinaryDocValues? _ids;

        public List<string> Ids { get; } = [];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context) => _ids = context.AtomicReader.GetBinaryDocValues(LexicalFields.Id);

        public void Collect(int doc)
        {
            _ids!.Get(doc, _bytes);
            Ids.Add(_bytes.Utf8ToString());
        }
    }
}
