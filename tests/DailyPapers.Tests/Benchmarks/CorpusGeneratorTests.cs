using System.Globalization;
using System.IO.Compression;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Benchmarks.Scale;
using DailyPapers.Infrastructure.Ingestion.Sources;
using DailyPapers.Tests.Support;

namespace DailyPapers.Tests.Benchmarks;

/// <summary>The generated corpus of <c>bench corpus</c>, made here from the committed arXiv fixture.</summary>
public sealed class CorpusGeneratorTests : IDisposable
{
    private static readonly Lazy<SourceCorpus> Sources = new(() => SourceCorpus.Load(TestData.KaggleCs, CancellationToken.None));

    private readonly string _folder = TestData.NewTempDir("dp-corpus");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_same_seed_and_size_write_the_same_bytes()
    {
        var first = await WriteAsync("a.jsonl", 3_000, seed: 7);
        var second = await WriteAsync("b.jsonl", 3_000, seed: 7);

        Assert.Equal(await File.ReadAllBytesAsync(first.Path), await File.ReadAllBytesAsync(second.Path));
    }

    [Fact]
    public async Task The_gzip_file_holds_the_same_lines_as_the_plain_one()
    {
        var plain = await WriteAsync("a.jsonl", 2_000, seed: 7);
        var gzip = await WriteAsync("a.jsonl.gz", 2_000, seed: 7);

        using var decompressed = new MemoryStream();
        await using (var input = new GZipStream(File.OpenRead(gzip.Path), CompressionMode.Decompress))
        {
            await input.CopyToAsync(decompressed);
        }

        Assert.Equal(await File.ReadAllBytesAsync(plain.Path), decompressed.ToArray());
        Assert.True(gzip.FileBytes < plain.FileBytes);
    }

    [Fact]
    public async Task Another_seed_draws_other_texts_under_the_same_ids()
    {
        var first = await File.ReadAllLinesAsync((await WriteAsync("a.jsonl", 500, seed: 1)).Path);
        var second = await File.ReadAllLinesAsync((await WriteAsync("b.jsonl", 500, seed: 2)).Path);

        Assert.Equal(first.Select(IdOf), second.Select(IdOf));
        Assert.True(first.Zip(second).Count(pair => pair.First == pair.Second) < 5);
    }

    [Fact]
    public async Task Every_line_imports_as_a_paper_with_a_distinct_id_in_arXivs_two_eras_and_dates_of_its_month()
    {
        var file = await WriteAsync("a.jsonl.gz", 5_000, seed: 3);

        List<SourceItem> items;
        using (var stream = SourceFile.OpenRead(file.Path))
        {
            items = KaggleSnapshotReader.Read(stream, "a.jsonl.gz", CancellationToken.None).ToList();
        }

        Assert.Empty(items.OfType<RejectedItem>());
        var papers = items.OfType<PaperItem>().Select(p => p.Paper).ToList();
        Assert.Equal(5_000, papers.Select(p => p.Id).Distinct().Count());
        Assert.Equal("0704.0001", papers[0].Id.Value);
        Assert.StartsWith("2612.", papers[^1].Id.Value, StringComparison.Ordinal);
        Assert.Contains(papers, p => p.Id.Value.StartsWith("1412.", StringComparison.Ordinal) && p.Id.Value.Length == 9);
        Assert.Contains(papers, p => p.Id.Value.StartsWith("1501.", StringComparison.Ordinal) && p.Id.Value.Length == 10);
        Assert.All(papers, p => Assert.Equal(p.Id.Value[..4], p.SubmittedAt!.Value.ToString("yyMM", CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task The_plan_names_the_ids_of_the_file_in_order_and_draws_any_paper_alone()
    {
        var plan = new CorpusPlan(Sources.Value.Papers.Count, 4_000, seed: 5);
        var file = await WriteAsync("a.jsonl", 4_000, seed: 5);
        var planned = plan.Papers().ToList();

        Assert.Equal(planned.Select(p => p.Id), (await File.ReadAllLinesAsync(file.Path)).Select(IdOf));
        foreach (var index in new long[] { 0, 1, 17, 1_999, 3_999 })
        {
            Assert.Equivalent(planned[(int)index], plan.Paper(index), strict: true);
        }
    }

    [Fact]
    public void A_paper_takes_its_title_from_one_source_its_abstract_from_others_and_its_authors_from_another()
    {
        var plan = new CorpusPlan(Sources.Value.Papers.Count, 1_000, seed: 5);
        var paper = plan.Papers().First(p => p.SecondAbstractSource is not null);
        var writer = new KaggleLineWriter();

        writer.Write(paper, Sources.Value.Papers);
        using var line = System.Text.Json.JsonDocument.Parse(writer.Line);

        var root = line.RootElement;
        var sources = Sources.Value.Papers;
        Assert.Equal(sources[paper.TitleSource].Title, root.GetProperty("title").GetString());
        Assert.Equal(sources[paper.TitleSource].Categories, root.GetProperty("categories").GetString());
        Assert.Equal(sources[paper.AuthorsSource].Authors, root.GetProperty("authors").GetString());
        var summary = Words(root.GetProperty("abstract").GetString()!);
        Assert.StartsWith(Words(AbstractRecombination.Sentences(sources[paper.AbstractSource].Abstract)[0].Text), summary, StringComparison.Ordinal);
        Assert.EndsWith(Words(AbstractRecombination.Sentences(sources[paper.SecondAbstractSource!.Value].Abstract)[^1].Text), summary, StringComparison.Ordinal);
    }

    [Fact]
    public void All_of_arXiv_fits_the_id_ranges_with_four_digits_to_1412_and_five_from_1501()
    {
        var plan = new CorpusPlan(2, 2_700_000, seed: 1);

        Assert.Equal("0704.0001", plan.Paper(0).Id);
        Assert.Matches(@"^2612\.\d{5}$", plan.Paper(2_699_999).Id);
        // Ids grow with the index: find the first paper of 2015 by bisection.
        var (low, high) = (0L, plan.Count - 1);
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = string.CompareOrdinal(plan.Paper(middle).Id, "1501") < 0 ? (middle + 1, high) : (low, middle);
        }

        Assert.Equal("1501.00001", plan.Paper(low).Id);
        Assert.Matches(@"^1412\.\d{4}$", plan.Paper(low - 1).Id);
        Assert.Equal("2612.99999", new CorpusPlan(2, CorpusPlan.MaxPapers, seed: 1).Paper(CorpusPlan.MaxPapers - 1).Id);
    }

    [Fact]
    public void Abstracts_are_wrapped_before_column_80_with_paragraphs_indented_as_arXiv_does()
    {
        var text = string.Join(' ', Enumerable.Repeat("A sentence of several words that goes on.", 6)) + "\n  " + "Second paragraph starts here. It ends here.";

        var wrapped = AbstractRecombination.Combine(text, null, 0.5);

        Assert.All(wrapped.Split('\n'), line => Assert.True(line.Length < 80, line));
        Assert.Contains("\n  Second paragraph starts here.", wrapped, StringComparison.Ordinal);
    }

    private static string IdOf(string line) => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("id").GetString()!;

    private static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private Task<CorpusFile> WriteAsync(string name, long papers, ulong seed) =>
        CorpusGenerator.WriteAsync(Sources.Value, new CorpusPlan(Sources.Value.Papers.Count, papers, seed), Path.Combine(_folder, name), null, CancellationToken.None);
}
