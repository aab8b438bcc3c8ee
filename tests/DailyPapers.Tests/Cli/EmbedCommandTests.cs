using System.Text.RegularExpressions;
using DailyPapers.Cli;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Tests.Cli;

/// <summary><c>dailypapers embed</c> with a window and a token limit, as an operator runs it: a separate process on a real store.</summary>
public sealed class EmbedCommandTests
{
    [Fact]
    public async Task Embed_with_a_since_window_embeds_only_the_papers_inside_and_reports_its_rate()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        Assert.Equal(0, (await CliProcess.RunAsync(store.Settings, "import", "kaggle", TestData.KaggleCs)).ExitCode);
        // The fixture's papers were first listed from 9 to 19 June 2025; 117 of them on the 19th.
        var settings = new Dictionary<string, string?>(store.Settings)
        {
            ["Search:Embeddings:Since"] = "2025-06-19",
            ["Search:Embeddings:MaxTokens"] = "128",
        };

        var (exitCode, output) = await CliProcess.RunAsync(settings, "embed");
        var (again, againOutput) = await CliProcess.RunAsync(settings, "embed");
        // The console wraps long lines.
        output = Regex.Replace(output, @"\s+", " ");

        Assert.Equal(0, exitCode);
        Assert.Contains("Embedding 117 papers (papers first submitted since 2025-06-19; older ones are found by words)", output, StringComparison.Ordinal);
        Assert.Matches(@"Done: 117 papers up to date in [0-9.]+ s, [0-9.]+ papers/s \(117 embedded", output);
        Assert.Equal(117, await VectorCountAsync(store));
        Assert.Equal(0, again);
        Assert.Contains("Every paper has a current vector", againOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_window_stops_embed_at_start_with_the_key_and_the_accepted_forms()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        var settings = new Dictionary<string, string?>(store.Settings) { ["Search:Embeddings:Since"] = "3 years" };

        var (exitCode, output) = await CliProcess.RunAsync(settings, "embed");
        output = Regex.Replace(output, @"\s+", " ");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Search:Embeddings:Since is '3 years'; expected a date such as 2023-01-01, a period back from today such as P3Y", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_progress_line_gives_papers_a_second_and_the_time_left()
    {
        Assert.Equal("1,200 of 9,881 · 24.0/s · about 7 min left", CountedProgress.Figures(1200, 9881, TimeSpan.FromSeconds(50), withEta: true));
        Assert.Equal("96 of 117 · 24.0/s · about 1 s left", CountedProgress.Figures(96, 117, TimeSpan.FromSeconds(4), withEta: true));
        Assert.Equal("117 of 117 · 29.3/s", CountedProgress.Figures(117, 117, TimeSpan.FromSeconds(4), withEta: true));
    }

    private static async Task<int> VectorCountAsync(TestStore store)
    {
        await using var context = store.Factory.CreateContext();
        return await context.PaperVectors.CountAsync();
    }
}
