using System.Text.RegularExpressions;
using Quartz;

namespace DailyPapers.Infrastructure.Storage;

/// <summary>
/// The tables of Quartz's ADO.NET job store on PostgreSQL, as the Quartz version we pin creates them: its own script,
/// shipped inside its assembly (what its <c>ProvisionSchema()</c> runs), read here so that our migration creates them
/// exactly, with nothing written by hand. A later Quartz whose schema differs needs a migration of its own.
/// </summary>
public static partial class QuartzSchema
{
    private const string Resource = "Quartz.Impl.AdoJobStore.Schema.create_postgres.sql";

    /// <summary>The script's statements, with the table prefix filled in; each creates only what is missing.</summary>
    public static IReadOnlyList<string> CreateStatements(string prefix) =>
        [.. Script().Replace("{0}", prefix, StringComparison.Ordinal).Replace("{1}", prefix, StringComparison.Ordinal)
            .Split("\n--;;", StringSplitOptions.TrimEntries)
            .Where(statement => statement.Split('\n').Any(line => line.Length > 0 && !line.StartsWith("--", StringComparison.Ordinal)))];

    /// <summary>The tables the script creates, in the order it creates them (so dropped in reverse).</summary>
    public static IReadOnlyList<string> Tables(string prefix) =>
        [.. CreateStatements(prefix).SelectMany(statement => CreateTable().Matches(statement)).Select(match => match.Groups[1].Value)];

    private static string Script()
    {
        using var stream = typeof(IScheduler).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"Quartz {typeof(IScheduler).Assembly.GetName().Version} does not ship {Resource}; the job store's migration needs it.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }

    [GeneratedRegex(@"CREATE TABLE IF NOT EXISTS (\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex CreateTable();
}
