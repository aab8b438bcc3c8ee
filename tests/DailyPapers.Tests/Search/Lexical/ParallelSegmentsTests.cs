using DailyPapers.Core.Search;
using DailyPapers.Infrastructure.Search.Lexical;

namespace DailyPapers.Tests.Search.Lexical;

/// <summary>
/// Search:Lexical:SearchSegmentsInParallel: on the same index, scoring each segment on its own task and merging the pages
/// gives the same papers, in the same order (ties included), with the same scores and counts as one segment after
/// another, in every sort and deep in the results.
/// </summary>
public sealed class ParallelSegmentsTests
{
    private static readonly (int Offset, int Limit)[] Pages = [(0, 10), (25, 40), (0, 200)];

    [Theory]
    [InlineData("ocean turbine", SearchSort.Relevance)]
    [InlineData("ocean", SearchSort.Relevance)]
    [InlineData("ocean turbine", SearchSort.Newest)]
    [InlineData("turbine", SearchSort.MostVoted)]
    [InlineData("cat:cs.LG", SearchSort.Relevance)]
    public async Task The_same_pages_as_one_segment_after_another(string query, SearchSort sort)
    {
        await using var bed = await CorpusAsync();
        Assert.True(bed.Index.SegmentCount >= 4, $"the corpus is in {bed.Index.SegmentCount} segments");
        Assert.Contains("executor=System.Threading.Tasks", SearcherText(bed), StringComparison.Ordinal);
        var parallel = Pages.Select(page => Page(bed, query, sort, page)).ToList();

        // The same index files, opened again with one segment after another.
        bed.Options.SearchSegmentsInParallel = false;
        bed.Restart();
        Assert.DoesNotContain("executor=System", SearcherText(bed), StringComparison.Ordinal);
        var sequential = Pages.Select(page => Page(bed, query, sort, page)).ToList();

        Assert.Equal(sequential.Select(p => p.TotalHits), parallel.Select(p => p.TotalHits));
        Assert.Equal(sequential.Select(p => p.Hits.Select(h => (h.Id, h.Score)).ToList()), parallel.Select(p => p.Hits.Select(h => (h.Id, h.Score)).ToList()));
        Assert.Equal(sequential[2].Hits.Skip(25).Take(40), parallel[1].Hits);
    }

    /// <summary>Lucene's own description of the searcher, which names the scheduler it runs segments on.</summary>
    private static string SearcherText(LexicalTestbed bed)
    {
        using var lease = bed.Index.Acquire();
        return lease.Searcher.ToString();
    }

    private static LexicalSearchResult Page(LexicalTestbed bed, string query, SearchSort sort, (int Offset, int Limit) page) =>
        bed.Searcher.Search(SearchQuery.Parse(query), SearchFilters.None, sort, page.Offset, page.Limit);

    /// <summary>Four catch-ups of 50 papers, so four segments, with many ties in score, day and votes.</summary>
    private static async Task<LexicalTestbed> CorpusAsync()
    {
        var bed = await LexicalTestbed.CreateAsync(new LexicalOptions { SearchSegmentsInParallel = true });
        for (var batch = 0; batch < 4; batch++)
        {
            var papers = Enumerable.Range(0, 50).Select(i =>
            {
                var n = (batch * 50) + i;
                var title = (n % 3) switch { 0 => $"Ocean turbine study {n}", 1 => $"Ocean currents {n}", _ => $"Turbine blades and ocean turbine wakes {n}" };
                return LexicalPapers.Paper($"2501.{n:D5}", title, submitted: new DateOnly(2025, 1, 1).AddDays(n % 17), upvotes: n % 7);
            });
            await bed.WriteAsync([.. papers]);
            await bed.CatchUpAsync();
        }

        return bed;
    }
}
