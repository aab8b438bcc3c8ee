using System.CommandLine;
using DailyPapers.Infrastructure.Digests;
using Spectre.Console;

namespace DailyPapers.Cli;

/// <summary><c>dailypapers subscribers import FILE</c>: add a list of already-confirmed addresses (a CSV with an email column).</summary>
internal static class SubscribersCommand
{
    public static Command Build()
    {
        var subscribers = new Command("subscribers", "Manage digest subscribers.");
        var file = new Argument<FileInfo>("file") { Description = "CSV with a header row: email (required), daily, weekly (yes/no)." };
        var import = new Command("import", "Add already-confirmed subscribers from a CSV file (moving a list from elsewhere).") { file };
        import.SetAction((parse, ct) => ImportAsync(parse.GetValue(file)!, parse.GetValue(CommandLine.Data), ct));
        subscribers.Subcommands.Add(import);
        return subscribers;
    }

    private static async Task<int> ImportAsync(FileInfo file, string? dataOption, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Console;
        if (!file.Exists)
        {
            console.WriteLine($"error: {file.FullName} does not exist.");
            return 1;
        }

        await using var services = await CliServices.StartAsync(dataOption, cancellationToken);
        // The bytes, not a reader: the import refuses lines that are not valid UTF-8 instead of reading them mangled.
        await using var stream = file.OpenRead();
        var report = await services.GetRequiredService<SubscriberImport>().RunAsync(stream, cancellationToken);
        console.WriteLine($"Subscribed {report.Added:N0} addresses; {report.AlreadySubscribed:N0} were already subscribed; {report.Refused.Count:N0} refused.");
        foreach (var (line, reason) in report.Refused.Take(50))
        {
            console.WriteLine(line > 0 ? $"  line {line}: {reason}" : $"  {reason}");
        }

        if (report.Refused.Count > 50)
        {
            console.WriteLine($"  … and {report.Refused.Count - 50} more.");
        }

        return report.Added + report.AlreadySubscribed == 0 && report.Refused.Count > 0 ? 1 : 0;
    }
}
