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

    public LexicalSearcher(LexicalIndex index, IOptions<LexicalOptions> options)
    {
        _index = index;
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
        var top = order is null
            ? searcher.Search(built.Query, filter, offset + limit)
            : searcher.Search(built.Query, filter, offset + limit, order, doDocScores: true, doMaxScore: false);
        var hits = new List<LexicalHit>(Math.Max(0, top.ScoreDocs.Length - offset));
        var ids = new IdReader(searcher.IndexReader);
        for (var i = offset; i < top.ScoreDocs.Length; i++)
        {
            hits.Add(new LexicalHit(ids.Get(top.ScoreDocs[i].Doc), top.ScoreDocs[i].Score));
        }

        return new LexicalSearchResult(hits, top.TotalHits, built.Notice);
    }

    /// <summary>The best <paramref name="k"/> papers by BM25, best first: the lexical list for rank fusion.</summary>
    public IReadOnlyList<(string Id, float Score)> TopIds(ParsedQuery query, int k, SearchFilters? filters = null) =>
        [.. Search(query, filters ?? SearchFilters.None, SearchSort.Relevance, 0, k).Hits.Select(hit => (hit.Id, hit.Score))];

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

    /// <summary>The abstract of an indexed paper with the query's words marked (see <see cref="Highlight"/>).</summary>
    public string? Snippet(string id, ParsedQuery query)
    {
        string? text;
        using (var lease = _index.Acquire())
        {
            var top = lease.Searcher.Search(new TermQuery(new Term(LexicalFields.Id, id)), 1);
            text = top.ScoreDocs.Length == 0
                ? null
                : lease.Searcher.Doc(top.ScoreDocs[0].Doc, new HashSet<string> { LexicalFields.Abstract }).Get(LexicalFields.Abstract);
        }

        return Highlight(text, query, SnippetField.Abstract);
    }

    /// <summary>
    /// The text as safe HTML with the query's words in <c>&lt;mark&gt;</c>: a title whole, an abstract as its best one
    /// or two passages. Null when no word of the query occurs in it; the page then shows the text itself.
    /// </summary>
    public string? Highlight(string? text, ParsedQuery query, SnippetField field) =>
        _highlighter.Highlight(text, _builder.Build(query).Query, field);

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
}
