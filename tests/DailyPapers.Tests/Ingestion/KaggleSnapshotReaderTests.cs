using System.Diagnostics;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Ingestion.Sources;
using DailyPapers.Tests.Support;
using Xunit.Abstractions;

namespace DailyPapers.Tests.Ingestion;

public sealed class KaggleSnapshotReaderTests(ITestOutputHelper output)
{
    [Fact]
    public void The_whole_arxiv_cs_fixture_parses_into_one_listed_paper_per_line_without_rejections()
    {
        var watch = Stopwatch.StartNew();
        using var stream = SourceFile.OpenRead(TestData.KaggleCs);

        // Counted as they stream by, as the importer consumes them.
        var (listed, rejected) = (0, new List<RejectedItem>());
        foreach (var item in KaggleSnapshotReader.Read(stream, Path.GetFileName(TestData.KaggleCs), CancellationToken.None))
        {
            listed += item is PaperItem { Listing.Source: ListingSource.Arxiv } ? 1 : 0;
            if (item is RejectedItem r && rejected.Count < 5)
            {
                rejected.Add(r);
            }
        }

        watch.Stop();
        // Throughput is printed, not asserted: timing on a shared machine is no test of correctness.
        output.WriteLine($"{listed:N0} papers in {watch.Elapsed.TotalSeconds:F2} s: {listed / watch.Elapsed.TotalSeconds:N0} lines/s");
        Assert.Empty(rejected);
        Assert.Equal(1_959, TestData.KaggleCsLines().Count());
        Assert.Equal(1_959, listed);
    }

    [Fact]
    public void A_record_of_the_arxiv_cs_fixture_keeps_its_fields()
    {
        using var stream = SourceFile.OpenRead(TestData.KaggleCs);

        var nsd = KaggleSnapshotReader.Read(stream, "cs.jsonl.gz", CancellationToken.None)
            .OfType<PaperItem>().Single(p => p.Paper.Id.Value == "2506.06898");

        Assert.Equal("cs.jsonl.gz:332", nsd.Location);
        Assert.Equal("NSD-Imagery: A benchmark dataset for extending fMRI vision decoding methods to mental imagery", nsd.Paper.Title);
        Assert.Equal(["cs.CV", "cs.LG", "eess.IV", "q-bio.NC"], nsd.Paper.Categories);
        Assert.Equal(["Reese Kneeland", "Paul S. Scotti", "Ghislain St-Yves", "Jesse Breedlove", "Kendrick Kay", "Thomas Naselaris"], nsd.Paper.Authors);
        Assert.Equal(1, nsd.Paper.Version);
        Assert.Equal(new DateOnly(2025, 6, 10), nsd.Listing!.Day);
        // arXiv's hard line break after "paired" is a space in the abstract.
        Assert.StartsWith("We release NSD-Imagery, a benchmark dataset of human fMRI activity paired with mental images", nsd.Paper.Abstract);
    }

    [Fact]
    public void The_200_record_snapshot_sample_parses_with_versions_dates_and_decoded_accents()
    {
        var path = TestData.Path("kaggle-snapshot-sample", "arxiv-metadata-oai-snapshot.first200.jsonl");
        using var stream = SourceFile.OpenRead(path);

        var papers = KaggleSnapshotReader.Read(stream, "first200.jsonl", CancellationToken.None).Cast<PaperItem>().ToList();

        Assert.Equal(200, papers.Count);
        var first = papers[0].Paper;
        Assert.Equal("0704.0001", first.Id.Value);
        Assert.Equal(["C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C. -P. Yuan"], first.Authors);
        Assert.Equal(2, first.Version);
        Assert.Equal(new DateTimeOffset(2007, 4, 2, 19, 18, 42, TimeSpan.Zero), first.SubmittedAt);
        Assert.Equal(new DateTimeOffset(2007, 7, 24, 20, 10, 27, TimeSpan.Zero), first.UpdatedAt);
        Assert.Equal(("Phys.Rev.D76:013009,2007", "10.1103/PhysRevD.76.013009"), (first.JournalRef, first.Doi));
        Assert.Equal(new ListingRecord(new DateOnly(2007, 4, 2), ListingSource.Arxiv), papers[0].Listing);
    }

    [Fact]
    public void Parsed_author_entries_drop_affiliations_and_keep_suffixes()
    {
        var path = TestData.Path("kaggle-snapshot-sample", "arxiv-metadata-oai-snapshot.first200.jsonl");
        using var stream = SourceFile.OpenRead(path);

        var papers = KaggleSnapshotReader.Read(stream, "first200.jsonl", CancellationToken.None).Cast<PaperItem>().ToDictionary(p => p.Paper.Id.Value);

        Assert.Equal(["A. S. Mishchenko", "N. Nagaosa"], papers["0704.0025"].Paper.Authors);
        Assert.Contains("Neal J. Evans II", papers["0704.0009"].Paper.Authors);
    }
}
