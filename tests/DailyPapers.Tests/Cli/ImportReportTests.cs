using DailyPapers.Cli;
using DailyPapers.Infrastructure.Ingestion;

namespace DailyPapers.Tests.Cli;

/// <summary>The figures of an import's progress line, as a log shows them every few seconds.</summary>
public sealed class ImportReportTests
{
    [Fact]
    public void The_progress_line_gives_records_a_second_and_the_time_left_from_the_bytes_read_in_this_run()
    {
        // 500 of the 900 bytes still to read at the start took 10 s: the other 400 take 8 s more.
        var progress = new ImportProgress(BytesRead: 600, TotalBytes: 1_000, Records: 3_000, CurrentFile: "a.jsonl");

        var figures = ImportReport.Figures(progress, startBytes: 100, TimeSpan.FromSeconds(10));

        Assert.Equal("3,000 records · 300 records/s · about 8 s left", figures);
    }

    [Fact]
    public void A_long_import_counts_the_time_left_in_minutes()
    {
        var progress = new ImportProgress(BytesRead: 1_000, TotalBytes: 100_000, Records: 5_000, CurrentFile: "a.jsonl");

        var figures = ImportReport.Figures(progress, startBytes: 0, TimeSpan.FromSeconds(10));

        Assert.Equal("5,000 records · 500 records/s · about 17 min left", figures);
    }
}
