using System.CommandLine;
using DailyPapers.Cli;
using DailyPapers.Infrastructure.Harvesting;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;
using Spectre.Console;

namespace DailyPapers.Tests.Harvesting;

/// <summary><c>dailypapers harvest arxiv</c>: its arguments, its per-page progress and its summary.</summary>
public sealed class HarvestCommandTests
{
    [Theory]
    [InlineData("--from", "2024-13-01")]
    [InlineData("--from", "yesterday")]
    [InlineData("--until", "01/02/2024")]
    public async Task A_malformed_day_gets_a_clear_message_and_exit_code_2(string option, string value)
    {
        var root = new RootCommand { HarvestCommand.Build() };
        root.Options.Add(CommandLine.Data);
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await root.Parse(["harvest", "arxiv", option, value]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        Assert.Equal(2, exit);
        Assert.Equal($"{option}: \"{value}\" is not a day; expected YYYY-MM-DD, e.g. 2025-06-01.", error.ToString().Trim());
    }

    [Fact]
    public async Task A_harvest_prints_a_line_per_page_with_the_resumption_state_and_a_summary()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var server = await ArxivTestServer.StartAsync();
        server.Enqueue(ScriptedResponse.Xml(ArxivSamples.OaiDcFirstPage), ScriptedResponse.Xml(ArxivSamples.HepExLastPageWithCursor));
        await using var services = HarvestServices.Build(store, server.BaseAddress);
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 200;
        var request = new ArxivHarvestRequest { Sets = ["physics:hep-ex"], From = new DateOnly(2024, 1, 25), IncludeFeeds = false };

        var exit = await HarvestCommand.HarvestAsync(services, console, request, CancellationToken.None);

        var text = output.ToString();
        Assert.Equal(0, exit);
        Assert.Contains("oai-pmh physics:hep-ex · page 1 · 5 records · resumption token 6960524|1001 (cursor 0 of 1,162)", text, StringComparison.Ordinal);
        Assert.Contains("oai-pmh physics:hep-ex · page 2 · 8 records · complete", text, StringComparison.Ordinal);
        Assert.Contains("Set physics:hep-ex: 2 page(s), 8 record(s) received; the next incremental harvest starts from 2024-01-26", text, StringComparison.Ordinal);
        Assert.Contains("new", text, StringComparison.Ordinal);
    }
}
