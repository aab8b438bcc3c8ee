using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DailyPapers.Infrastructure.Harvesting;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace DailyPapers.Cli;

/// <summary>
/// <c>dailypapers harvest arxiv</c>: the background harvest run once in the foreground, with a line per page and a
/// summary; <c>--set</c>, <c>--from</c> and <c>--until</c> narrow or widen it (e.g. to backfill a month).
/// </summary>
internal static class HarvestCommand
{
    private const string DayFormat = "yyyy-MM-dd";

    public static Command Build()
    {
        var sets = new Option<string[]>("--set")
        {
            Description = "An OAI-PMH set to harvest (cs, stat, physics:hep-th, cs:cs:LG); repeatable. "
                + "Default: the sets holding Harvest:Categories, plus their announcement feeds",
        };
        var from = new Option<string?>("--from")
        {
            Description = "Records changed on or after this day, YYYY-MM-DD. Default: the day remembered from the last harvest, "
                + "or today minus Harvest:InitialDays",
        };
        var until = new Option<string?>("--until") { Description = "Records changed on or before this day, YYYY-MM-DD" };

        var arxiv = new Command("arxiv", "Harvest arXiv now: the announcement feeds of Harvest:Categories, then OAI-PMH incrementally.");
        arxiv.Options.Add(sets);
        arxiv.Options.Add(from);
        arxiv.Options.Add(until);
        arxiv.SetAction((parse, ct) => RunAsync(parse, parse.GetValue(sets) ?? [], parse.GetValue(from), parse.GetValue(until), ct));

        var harvest = new Command("harvest", "Harvest papers from a live source (politely: one request at a time, 3 s apart).");
        harvest.Subcommands.Add(arxiv);
        return harvest;
    }

    /// <summary>Runs a harvest with services already built; the verb's action, minus argument parsing.</summary>
    public static async Task<int> HarvestAsync(IServiceProvider services, IAnsiConsole console, ArxivHarvestRequest request, CancellationToken cancellationToken)
    {
        HarvestOptions options;
        try
        {
            options = services.GetRequiredService<IOptions<HarvestOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            foreach (var failure in ex.Failures)
            {
                console.WriteLine(failure);
            }

            return 2;
        }

        var sets = request.Sets ?? options.Sets;
        var from = request.From is { } f ? f.ToString(DayFormat, CultureInfo.InvariantCulture) : "the remembered day";
        console.WriteLine($"Harvesting arXiv: {(request.IncludeFeeds ? $"feeds {string.Join(' ', options.CategoryList)}; " : "")}"
            + $"OAI-PMH sets {string.Join(' ', sets)} at {options.OaiPmhBaseUrl}, from {from}"
            + (request.Until is { } u ? $" until {u.ToString(DayFormat, CultureInfo.InvariantCulture)}" : ""));

        var stopwatch = Stopwatch.StartNew();
        var report = await services.GetRequiredService<ArxivHarvester>().RunAsync(request, new LineProgress(console), cancellationToken);
        ImportReport.WriteSummary(console, report.Total, stopwatch.Elapsed, null);
        foreach (var set in report.Sets)
        {
            console.WriteLine($"Set {set.Set}: {set.Pages} page(s), {set.Records:N0} record(s) received{(set.Resumed ? ", resumed from the last run's token" : "")}; "
                + $"the next incremental harvest starts from {set.Datestamp?.ToString(DayFormat, CultureInfo.InvariantCulture)}");
        }

        foreach (var failure in report.Failures)
        {
            console.WriteLine($"Failed: {failure.Step}: {(failure.IsExpected ? failure.Error.Message : failure.Error.ToString())}");
        }

        if (!report.Succeeded)
        {
            console.WriteLine("What was fetched is stored; run the command again to complete the harvest.");
        }

        return report.Succeeded ? 0 : 1;
    }

    private static async Task<int> RunAsync(ParseResult parse, string[] sets, string? fromText, string? untilText, CancellationToken cancellationToken)
    {
        var error = parse.InvocationConfiguration.Error;
        if (!TryParseDay(fromText, "--from", error, out var from) || !TryParseDay(untilText, "--until", error, out var until))
        {
            return 2;
        }

        if (from > until)
        {
            await error.WriteLineAsync($"--from {fromText} is after --until {untilText}.");
            return 2;
        }

        var request = new ArxivHarvestRequest
        {
            Sets = sets.Length > 0 ? sets : null,
            From = from,
            Until = until,
            // The feeds belong to the configured categories, not to a set asked for by name.
            IncludeFeeds = sets.Length == 0,
        };
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(parse.InvocationConfiguration.Output) });
        if (!console.Profile.Capabilities.Interactive)
        {
            // In a log, a resumption token wrapped at 80 columns can no longer be copied.
            console.Profile.Width = 200;
        }

        await using var services = await CliServices.StartAsync(parse.GetValue(CommandLine.Data), cancellationToken);
        return await HarvestAsync(services, console, request, cancellationToken);
    }

    private static bool TryParseDay(string? text, string option, TextWriter error, out DateOnly? day)
    {
        day = null;
        if (text is null)
        {
            return true;
        }

        if (DateOnly.TryParseExact(text.Trim(), DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            day = parsed;
            return true;
        }

        error.WriteLine($"{option}: \"{text}\" is not a day; expected YYYY-MM-DD, e.g. 2025-06-01.");
        return false;
    }

    /// <summary>One line per page: a harvest of a few pages is read best as a log, not a bar.</summary>
    private sealed class LineProgress(IAnsiConsole console) : IProgress<HarvestProgress>
    {
        public void Report(HarvestProgress value)
        {
            var kept = value.Kept == value.Records ? "" : $" ({value.Kept:N0} kept)";
            var next = value.ResumptionToken is null ? "complete"
                : $"resumption token {value.ResumptionToken}"
                    + (value.Cursor is { } c ? $" (cursor {c:N0}{(value.CompleteListSize is { } n ? $" of {n:N0}" : "")})" : "");
            console.WriteLine($"{value.Source} · page {value.Page} · {value.Records:N0} records{kept} · {next}");
        }
    }
}
