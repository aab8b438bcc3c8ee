using System.CommandLine;
using DailyPapers.Cli;
using DailyPapers.Infrastructure.Storage;

// One executable: with no verb it serves the site; verbs import, harvest and administer (see `dailypapers --help`).
try
{
    return await CommandLine.Build().Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (StoreNotReadyException e)
{
    // A store that cannot be reached, is newer than this build or is not migrated: one line to act on.
    await Console.Error.WriteLineAsync($"error: {e.Message}");
    return 1;
}
catch (OperationCanceledException)
{
    // Ctrl+C or SIGTERM during a verb: the conventional exit code of an interrupted command.
    return 130;
}
catch (Exception e)
{
    // What System.CommandLine's own handler would print.
    await Console.Error.WriteLineAsync($"Unhandled exception: {e}");
    return 1;
}
