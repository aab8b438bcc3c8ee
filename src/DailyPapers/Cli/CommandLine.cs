using System.CommandLine;
using DailyPapers.Web;

namespace DailyPapers.Cli;

/// <summary>All verbs in one place, like a table of contents of what the executable does.</summary>
internal static class CommandLine
{
    /// <summary>The data folder for every verb; `DAILYPAPERS_DATA` when absent.</summary>
    public static readonly Option<string?> Data = new("--data")
    {
        Description = "The data folder (database, index, outbox); default ./data or $DAILYPAPERS_DATA",
        Recursive = true,
    };

    public static RootCommand Build()
    {
        var root = new RootCommand("DailyPapers: a self-hosted daily research-paper site. With no verb, serves the site.");
        root.Options.Add(Data);
        root.SetAction((parse, ct) => ServeAsync(parse.GetValue(Data), parse.UnmatchedTokens, ct));

        var serve = new Command("serve", "Serve the site (the default).");
        serve.SetAction((parse, ct) => ServeAsync(parse.GetValue(Data), parse.UnmatchedTokens, ct));
        serve.TreatUnmatchedTokensAsErrors = false;
        root.TreatUnmatchedTokensAsErrors = false;
        root.Subcommands.Add(serve);
        root.Subcommands.Add(ImportCommand.Build());
        root.Subcommands.Add(HarvestCommand.Build());
        root.Subcommands.Add(EmbedCommand.Build());
        root.Subcommands.Add(ReindexCommand.Build());
        root.Subcommands.Add(BenchCommand.Build());
        root.Subcommands.Add(UserCommand.Build());
        root.Subcommands.Add(DigestCommand.Build());
        root.Subcommands.Add(SubscribersCommand.Build());
        root.Subcommands.Add(MigrateCommand.Build());
        root.Subcommands.Add(StoreCommand.Build());
        foreach (var command in BackupCommand.Build())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    /// <summary>
    /// Serves with the leftover arguments as ASP.NET Core settings (<c>--urls …</c>, <c>key=value</c>). A bare word is
    /// a verb this build does not have (a typo, or an older binary): that is an error, not a reason to start the site.
    /// </summary>
    private static async Task<int> ServeAsync(string? data, IReadOnlyList<string> unmatched, CancellationToken cancellationToken)
    {
        if (unmatched is [var first, ..] && !first.StartsWith('-') && !first.Contains('=', StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync($"error: unknown command \"{first}\"; run dailypapers --help for the list.");
            return 1;
        }

        return await WebApp.RunAsync(data, [.. unmatched], cancellationToken);
    }
}
