using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Infrastructure.Storage.Copy;
using Spectre.Console;

namespace DailyPapers.Cli;

/// <summary>
/// <c>dailypapers store copy --to "Host=…;Database=…"</c>: moves a SQLite store into an empty PostgreSQL database
/// (<see cref="StoreCopy"/>), with progress per table, continuing after a kill when run again, and a verification of
/// every table at the end; the site then runs on PostgreSQL with its readers still signed in.
/// </summary>
internal static class StoreCommand
{
    public static Command Build()
    {
        var store = new Command("store", "Move the store between databases.");
        var to = new Option<string>("--to")
        {
            Description = "The PostgreSQL database to copy into, as a connection string: \"Host=db;Database=dailypapers;Username=app;Password=…\"",
            Required = true,
        };
        var append = new Option<bool>("--append")
        {
            Description = "Copy into a database that has rows already; a row whose key is there already stops the copy",
        };
        var batchSize = new Option<int>("--batch-size")
        {
            Description = "Rows per transaction on PostgreSQL; each is a checkpoint that a rerun after a kill continues from",
            DefaultValueFactory = _ => 5000,
        };
        // For the tests of a copy killed half-way: where, exactly, whatever the speed of the machine.
        var killInBatch = new Option<int>("--kill-in-batch") { Hidden = true };
        var copy = new Command("copy", "Copy this SQLite store (--data) into an empty PostgreSQL database, verify it, and say how to start on it.")
        {
            to, append, batchSize, killInBatch,
        };
        copy.SetAction((parse, ct) => CopyAsync(
            parse.GetValue(to)!, new StoreCopyOptions(parse.GetValue(append), parse.GetValue(batchSize), parse.GetValue(killInBatch)),
            parse.GetValue(CommandLine.Data), ct));
        store.Subcommands.Add(copy);
        return store;
    }

    private static async Task<int> CopyAsync(string to, StoreCopyOptions options, string? dataOption, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Console;
        if (options.BatchSize < 1)
        {
            await Console.Error.WriteLineAsync("error: --batch-size must be at least 1.");
            return 1;
        }

        var stopwatch = Stopwatch.StartNew();
        await using var services = CliServices.Create(dataOption);
        await using var copy = await StoreCopy.OpenAsync(services.GetRequiredService<StoreContextFactory>(), to, options, cancellationToken);
        Console.Out.WriteLine($"{(copy.Resumed ? "Continuing the copy of" : "Copying")} SQLite {copy.Source} into {copy.Target}{(copy.Append ? " (--append)" : "")}.");
        foreach (var table in copy.Skipped)
        {
            Console.Out.WriteLine($"Skipping {table}: Quartz's scheduler tables are not copied; the PostgreSQL store has its own.");
        }

        foreach (var table in copy.Tables)
        {
            var copied = await CountedProgress.RunAsync(console, $"Copying {table}", progress => copy.CopyTableAsync(table, progress, cancellationToken));
            var rate = copied.Elapsed.TotalSeconds > 0 ? copied.CopiedNow / copied.Elapsed.TotalSeconds : 0;
            var resumed = copied.CopiedNow == copied.Rows ? "" : $", {copied.CopiedNow:N0} of them in this run";
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{table}: {copied.Rows:N0} rows{resumed}, {copied.Elapsed.TotalSeconds:0.0} s ({rate:N0}/s)"));
        }

        var sequences = await copy.ResetSequencesAsync(cancellationToken);
        Console.Out.WriteLine($"Identity sequences moved past the copied ids: {string.Join(", ", sequences)}.");

        var verified = await CountedProgress.RunAsync(console, "Verifying", progress => copy.VerifyAsync(progress, cancellationToken));
        Console.Out.WriteLine($"{"table",-22} {"source rows",12} {"target rows",12}  {"checksum (SHA-256 sum of rows)",-32}  target");
        foreach (var table in verified)
        {
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{table.Table,-22} {table.Source.Rows,12:N0} {table.Target.Rows,12:N0}  {table.Source.Checksum,-32}  {(table.Merged ? "merged" : table.Matches ? "same" : table.Target.Checksum)}"));
        }

        var different = verified.Where(v => !v.Matches).Select(v => v.Table).ToList();
        if (different.Count > 0)
        {
            await Console.Error.WriteLineAsync(
                $"error: the copy differs from the source in {string.Join(", ", different)}. Was the site still writing to the SQLite store? " +
                "Stop it, drop and recreate the PostgreSQL database, and copy again.");
            return 1;
        }

        await copy.FinishAsync(cancellationToken);
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Copied and verified {verified.Count} tables in {stopwatch.Elapsed.TotalSeconds:0.0} s."));
        Console.Out.WriteLine("Start the site with Database__Provider=Postgres and Database__ConnectionString set to the --to string.");
        return 0;
    }
}
