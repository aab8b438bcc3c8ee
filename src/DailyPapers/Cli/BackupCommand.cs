using System.CommandLine;
using System.Diagnostics;
using DailyPapers.Infrastructure.Search.Lexical;
using DailyPapers.Infrastructure.Storage;
using Spectre.Console;

namespace DailyPapers.Cli;

/// <summary>
/// <c>dailypapers backup FILE</c> while the site serves, and <c>dailypapers restore FILE</c> into an empty data
/// folder, for SQLite stores (<see cref="StoreBackup"/>). A restore brings the schema up to this version and rebuilds
/// the search index before it returns, so search works as soon as the site starts; vectors are in the store.
/// </summary>
internal static class BackupCommand
{
    public static IEnumerable<Command> Build()
    {
        var file = new Argument<string>("file") { Description = "The backup file: a new name for backup, an existing backup for restore" };
        var backup = new Command("backup", "Copy the SQLite store into FILE while the site runs (a consistent copy as of when it starts).") { file };
        backup.SetAction((parse, ct) => BackUpAsync(parse.GetValue(file)!, parse.GetValue(CommandLine.Data), ct));
        var restoreFile = new Argument<string>("file") { Description = "A file made by dailypapers backup" };
        var restore = new Command("restore", "Restore a backup into an empty data folder (--data), then rebuild the search index.") { restoreFile };
        restore.SetAction((parse, ct) => RestoreAsync(parse.GetValue(restoreFile)!, parse.GetValue(CommandLine.Data), ct));
        return [backup, restore];
    }

    private static async Task<int> BackUpAsync(string file, string? dataOption, CancellationToken cancellationToken)
    {
        await using var services = await CliServices.StartAsync(dataOption, cancellationToken);
        var report = await StoreBackup.BackUpAsync(services.GetRequiredService<StoreContextFactory>(), file, cancellationToken);
        Console.Out.WriteLine($"Backed up {report.Papers:N0} papers into {report.File} ({report.Bytes / 1048576.0:0.0} MB) in {report.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }

    private static async Task<int> RestoreAsync(string file, string? dataOption, CancellationToken cancellationToken)
    {
        await using var services = CliServices.Create(dataOption);
        var stopwatch = Stopwatch.StartNew();
        var report = await StoreBackup.RestoreAsync(services.GetRequiredService<StoreContextFactory>(), file, cancellationToken);
        // A backup of an older version is brought up to this one, as starting the site would.
        await StoreSchema.PrepareAsync(services.GetRequiredService<StoreContextFactory>(), migrate: true, cancellationToken);
        var summary = await CountedProgress.RunAsync(AnsiConsole.Console, "Indexing", progress =>
            services.GetRequiredService<LexicalIndexer>().RebuildAsync(new Progress<RebuildProgress>(p => progress.Report((p.Processed, p.Total))), cancellationToken));
        Console.Out.WriteLine(
            $"Restored {report.Papers:N0} papers into {report.File} and indexed {summary.Indexed:N0} for search in {stopwatch.Elapsed.TotalSeconds:0.0} s; start the site on this data folder.");
        return 0;
    }
}
