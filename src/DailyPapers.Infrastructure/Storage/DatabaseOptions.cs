using System.ComponentModel.DataAnnotations;

namespace DailyPapers.Infrastructure.Storage;

/// <summary>The <c>Database</c> configuration section: which store, and where.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (default: one file in the data folder) or <c>Postgres</c>.</summary>
    [Required]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Required for Postgres; for SQLite it defaults to <c>{data folder}/dailypapers.db</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Apply this version's migrations when the site or a verb starts (one node, one command). Several nodes: set it
    /// false on them and run <c>dailypapers migrate</c> once before a rolling restart; a node then refuses to start
    /// against a store that is not migrated, as every node refuses one migrated by a newer version.
    /// </summary>
    public bool MigrateOnStart { get; set; } = true;

    public StoreProvider ParseProvider() => Provider.Trim().ToUpperInvariant() switch
    {
        "SQLITE" => StoreProvider.Sqlite,
        "POSTGRES" or "POSTGRESQL" or "NPGSQL" => StoreProvider.Postgres,
        _ => throw new InvalidOperationException(
            $"Database:Provider is \"{Provider}\"; expected Sqlite or Postgres."),
    };
}
