using System.CommandLine;
using DailyPapers.Infrastructure.Storage;

namespace DailyPapers.Cli;

/// <summary>
/// <c>dailypapers migrate</c>: applies this version's migrations to the store, once, before the nodes are (re)started
/// with <c>Database__MigrateOnStart=false</c>. Safe to run twice or from two machines at once (EF Core's migration
/// lock); refuses a store that a newer version migrated.
/// </summary>
internal static class MigrateCommand
{
    public static Command Build()
    {
        var command = new Command("migrate", "Apply this version's migrations to the store (run once before a rolling restart of several nodes).");
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(CommandLine.Data), ct));
        return command;
    }

    private static async Task<int> RunAsync(string? dataOption, CancellationToken cancellationToken)
    {
        await using var services = CliServices.Create(dataOption);
        var store = services.GetRequiredService<StoreContextFactory>();
        var applied = await StoreSchema.PrepareAsync(store, migrate: true, cancellationToken);
        var where = StoreSchema.Describe(store);
        if (applied.Count == 0)
        {
            Console.Out.WriteLine($"{where}: up to date, nothing to apply.");
        }
        else
        {
            Console.Out.WriteLine($"{where}: applied {applied.Count} migration(s), {applied[0]} to {applied[^1]}.");
        }

        return 0;
    }
}
