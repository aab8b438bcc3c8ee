using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Infrastructure.Storage;
using Microsoft.Data.Sqlite;
using Spectre.Console;

namespace DailyPapers.Cli;

/// <summary><c>dailypapers import kaggle|hf-daily|arxiv-atom|oai-pmh PATH</c>: idempotent bulk imports.</summary>
internal static class ImportCommand
{
    public static Command Build()
    {
        var import = new Command("import", "Import papers from files; importing the same data again changes nothing.");
        import.Subcommands.Add(Verb("kaggle", SourceKind.Kaggle, "FILE", "Kaggle arxiv-metadata-oai-snapshot.json lines, plain or .gz; an interrupted import goes on where it stopped"));
        import.Subcommands.Add(Verb("hf-daily", SourceKind.HfDaily, "PATH", "Hugging Face /api/daily_papers responses: a file or a folder of them"));
        import.Subcommands.Add(Verb("arxiv-atom", SourceKind.ArxivAtom, "FILE", "arXiv API (Atom) responses: a file or a folder of them"));
        import.Subcommands.Add(Verb("oai-pmh", SourceKind.OaiPmh, "FILE", "OAI-PMH ListRecords/GetRecord responses (arXiv, arXivRaw, oai_dc): a file or a folder"));
        return import;
    }

    private static Command Verb(string name, SourceKind kind, string argumentName, string description)
    {
        var path = new Argument<string>(argumentName) { Description = "The file or folder to import" };
        var command = new Command(name, description) { path };
        command.SetAction((parse, ct) => RunAsync(kind, parse.GetValue(path)!, parse.GetValue(CommandLine.Data), ct));
        return command;
    }

    private static async Task<int> RunAsync(SourceKind kind, string path, string? dataOption, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Console;
        ImportInput input;
        try
        {
            input = ImportInput.Open(kind, path);
        }
        catch (FileNotFoundException ex)
        {
            console.WriteLine($"error: {ex.Message}");
            return 1;
        }

        using var _ = input;
        await using var services = CliServices.Create(dataOption);
        var runner = services.GetRequiredService<ImportRunner>();
        var store = services.GetRequiredService<StoreContextFactory>();
        var checkpoints = services.GetRequiredService<ImportCheckpoints>();
        var stopwatch = Stopwatch.StartNew();
        var label = input.Files.Count == 1 ? Path.GetFileName(input.Files[0]) : $"{input.Files.Count} files";

        // Opening the store (EF model, migrations) takes a good part of a second: parse meanwhile, on the other core.
        // Only a store that was there before can hold the checkpoint of an interrupted import; then it is read first.
        var mayResume = input.IsResumable && StoreExists(store);
        var storeReady = Task.Run(() => CliServices.PrepareStoreAsync(services, cancellationToken), cancellationToken);
        if (mayResume)
        {
            await storeReady;
            if (await checkpoints.FindAsync(input.CheckpointKey, cancellationToken) is { } checkpoint)
            {
                await ResumeAsync(console, input, checkpoint, label, cancellationToken);
            }
        }

        using var rejections = new RejectionsFile(store.DataDirectory, services.GetRequiredService<TimeProvider>().GetUtcNow());
        var journal = new ImportJournal { Checkpoint = input.IsResumable ? () => input.Checkpoint : null, Rejected = rejections.Write };
        var startBytes = input.Progress.BytesRead;
        var summary = await ImportReport.WithProgressAsync(console, $"Importing {label}", startBytes, progress =>
            runner.RunAsync(input.ReadAll(cancellationToken), () => input.Progress, progress, cancellationToken, storeReady, journal));
        if (input.IsResumable && input.Stopped is null)
        {
            await checkpoints.ClearAsync(input.CheckpointKey, cancellationToken);
        }

        stopwatch.Stop();
        rejections.Dispose();
        ImportReport.WriteSummary(console, summary, stopwatch.Elapsed, rejections.Path);
        if (input.Stopped is { } stopped)
        {
            console.Profile.Out.Writer.WriteLine($"error: {stopped.Message}. What was read before it is stored; run the same import again when the file is whole, and it goes on from there.");
            return 1;
        }

        return 0;
    }

    private static async Task ResumeAsync(IAnsiConsole console, ImportInput input, ImportCheckpoint checkpoint, string label, CancellationToken cancellationToken)
    {
        // Whole lines, unwrapped, for logs.
        var output = console.Profile.Out.Writer;
        var where = input.Files.Count == 1 ? "" : $" of {checkpoint.FileName}";
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Resuming {label} after line {checkpoint.Line:N0}{where}, the last one an interrupted import committed: reading the {checkpoint.Offset / 1e6:N0} MB before it again (not parsing it), to check that it has not changed."));
        var skipping = Stopwatch.StartNew();
        output.WriteLine(await input.ResumeAsync(checkpoint, cancellationToken)
            ? string.Create(CultureInfo.InvariantCulture, $"Unchanged: going on from line {checkpoint.Line + 1:N0}{where} ({skipping.Elapsed.TotalSeconds:0.0} s to get there).")
            : $"{label} has changed before that line (or cannot be read as far): importing it from the start.");
    }

    /// <summary>False for a SQLite store that this run is about to create, which cannot hold a checkpoint yet.</summary>
    private static bool StoreExists(StoreContextFactory store) =>
        store.Provider != StoreProvider.Sqlite || File.Exists(new SqliteConnectionStringBuilder(store.ConnectionString).DataSource);
}
