using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Tests.Storage;

/// <summary>Real sources (the committed cuts) imported twice, on both databases: the second import changes nothing.</summary>
public sealed class ImportIdempotenceTests
{
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Importing_all_hugging_face_days_twice_changes_nothing_the_second_time(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);

        var first = await ImportAsync(store, SourceKind.HfDaily, HfDaysFixture.Folder);
        var second = await ImportAsync(store, SourceKind.HfDaily, HfDaysFixture.Folder);

        // The days include one paper listed on two days: its second listing updates it.
        var (items, papers) = HfDaysFixture.Count();
        Assert.Equal((323, 322), (items, papers));
        Assert.Equal((papers, 1, 0), (first.New, first.Updated, first.Rejected));
        Assert.Equal((0, 0, items), (second.New, second.Updated, second.Unchanged));
        await using var context = store.Factory.CreateContext();
        Assert.Equal((papers, items), (await context.Papers.CountAsync(), await context.Listings.CountAsync()));
    }

    [Fact]
    public async Task Sources_imported_in_either_order_give_the_same_papers()
    {
        await using var hfFirst = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var arxivFirst = await TestStore.CreateAsync(StoreProvider.Sqlite);
        var hf = HfDaysFixture.Folder;
        var oai = TestData.Path("protocol-samples", "arxiv_oai_ListRecords_arXiv_set-physics-hep-th_2017-12-14_trimmed3.xml");
        var atom = TestData.Path("protocol-samples", "arxiv_api_query_all-science_10entries_2019.atom.xml");

        await ImportAsync(hfFirst, SourceKind.HfDaily, hf);
        await ImportAsync(hfFirst, SourceKind.OaiPmh, oai);
        await ImportAsync(hfFirst, SourceKind.ArxivAtom, atom);
        await ImportAsync(arxivFirst, SourceKind.ArxivAtom, atom);
        await ImportAsync(arxivFirst, SourceKind.OaiPmh, oai);
        await ImportAsync(arxivFirst, SourceKind.HfDaily, hf);

        Assert.Equal(await SnapshotAsync(hfFirst), await SnapshotAsync(arxivFirst));
    }

    private static async Task<ImportSummary> ImportAsync(TestStore store, SourceKind kind, string path)
    {
        var input = ImportInput.Open(kind, path);
        return await new ImportRunner(new PaperWriter(store.Factory, TimeProvider.System))
            .RunAsync(input.ReadAll(CancellationToken.None), () => input.Progress, null, CancellationToken.None);
    }

    private static async Task<List<string>> SnapshotAsync(TestStore store)
    {
        await using var context = store.Factory.CreateContext();
        var papers = await context.Papers.AsNoTracking().OrderBy(p => p.Id).ToListAsync();
        return papers.Select(p => string.Join("|", p.Id, p.Version, p.Title, p.Abstract, p.Authors, p.Categories, p.GithubRepo, p.GithubStars, p.ProjectPage, p.AiKeywords, p.SubmittedAt)).ToList();
    }
}
