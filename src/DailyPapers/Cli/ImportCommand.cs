using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Infrastructure.Storage;
using Spectre.Console;

namespace DailyPapers.Cli;

/// <summary><c>dailypapers import kaggle|hf-daily|arxiv-atom|oai-pmh PATH</c>: idempotent bulk imports.</summary>
internal static class ImportCommand
{
    public static Command Build()
    {
        var import = new Command("import", "Import papers from files; importing the same data again changes nothing.");
        import.Subcommands.Add(Verb("kaggle", SourceKind.Kaggle, "FILE", "Kaggle arxiv-metadata-oai-snapshot.json lines, plain or .gz"));
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

        await using var services = CliServices.Create(dataOption);
        var runner = services.GetRequiredService<ImportRunner>();
        var stopwatch = Stopwatch.StartNew();
        var label = input.Files.Count == 1 ? Path.GetFileName(input.Files[0]) : $"{input.Files.Count} files";

        // Opening the store (EF model, migrations) takes a good part of a second: parse meanwhile, on the other core.
        var storeReady = Task.Run(() => CliServices.PrepareStoreAsync(services, cancellationToken), cancellationToken);
        var summary = await ImportReport.WithProgressAsync(console, $"Importing {label}", progress =>
            runner.RunAsync(input.ReadAll(cancellationToken), () => input.Progress, progress, cancellationToken, storeReady));
        stopwatch.Stop();

        var rejectionsFile = summary.Rejected > 0 ? WriteRejections(services, summary) : null;
        ImportReport.WriteSummary(console, summary, stopwatch.Elapsed, rejectionsFile);
        return 0;
    }

    private static string WriteRejections(IServiceProvider services, ImportSummary summary)
    {
        var dataDirectory = services.GetRequiredService<StoreContextFactory>().DataDirectory;
        var folder = Path.Combine(dataDirectory, "imports");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"rejected-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.tsv");
        File.WriteAllLines(file, summary.Rejections.Select(r => $"{r.Location}\t{r.Reason.Replace('\t', ' ')}").Prepend("location\treason"));
        return file;
    }
}
