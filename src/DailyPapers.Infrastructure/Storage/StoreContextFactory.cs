using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace DailyPapers.Infrastructure.Storage;

/// <summary>
/// Creates store contexts for the configured provider. A singleton: the web host, the CLI verbs and the tests
/// all open the store through it, so pragmas, naming and migrations are the same everywhere.
/// </summary>
public sealed partial class StoreContextFactory
{
    private readonly DbContextOptions<SqliteDailyPapersDbContext>? _sqliteOptions;
    private readonly DbContextOptions<PostgresDailyPapersDbContext>? _postgresOptions;

    public StoreContextFactory(DatabaseOptions options, string dataDirectory)
    {
        Provider = options.ParseProvider();
        DataDirectory = Path.GetFullPath(dataDirectory);
        if (Provider == StoreProvider.Sqlite)
        {
            var connectionString = options.ConnectionString;
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                Directory.CreateDirectory(DataDirectory);
                connectionString = new SqliteConnectionStringBuilder
                {
                    DataSource = Path.Combine(DataDirectory, "dailypapers.db"),
                    Pooling = true,
                    DefaultTimeout = 60,
                }.ToString();
            }

            ConnectionString = connectionString;
            _sqliteOptions = new DbContextOptionsBuilder<SqliteDailyPapersDbContext>()
                .UseSqlite(connectionString)
                .UseSnakeCaseNamingConvention()
                .ConfigureWarnings(IgnoreModelDiffAtStart)
                .AddInterceptors(SqlitePragmaInterceptor.Instance)
                .Options;
        }
        else
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                throw new InvalidOperationException(
                    "Database:Provider is Postgres but Database:ConnectionString is empty; set Database__ConnectionString.");
            }

            ConnectionString = WithAutoPrepare(options.ConnectionString);
            _postgresOptions = new DbContextOptionsBuilder<PostgresDailyPapersDbContext>()
                .UseNpgsql(ConnectionString)
                .UseSnakeCaseNamingConvention()
                .ConfigureWarnings(IgnoreModelDiffAtStart)
                .Options;
        }
    }

    public StoreProvider Provider { get; }

    /// <summary>
    /// Npgsql prepares the statements a connection sends most (its automatic preparation), unless the connection
    /// string says otherwise: PostgreSQL then parses and plans each once per connection, not once per call — measured
    /// with two nodes voting, its CPU a vote fell from 1.3 to 0.8 ms and votes/s rose by a quarter (docs/benchmarks.md).
    /// Safe across migrations because every statement names its columns (a prepared <c>SELECT *</c> would fail on a
    /// node still running when a column is added); not through PgBouncer in transaction mode (docs/deploy.md).
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        if (AutoPrepareSetting().IsMatch(connectionString))
        {
            return connectionString;
        }

        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 30, AutoPrepareMinUsages = 2 }.ConnectionString;
        }
        catch (ArgumentException)
        {
            // Unreadable: left as it is, for the first connection to report in the store's own words.
            return connectionString;
        }
    }

    [GeneratedRegex(@"max\s*auto\s*prepare\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex AutoPrepareSetting();

    // Comparing the model with the migrations' snapshot at every start costs more than a whole small import; the
    // build catches a missing migration instead (MigrationsTests).
    private static void IgnoreModelDiffAtStart(WarningsConfigurationBuilder warnings) =>
        warnings.Ignore(RelationalEventId.PendingModelChangesWarning);

    /// <summary>The instance's data folder: the SQLite file, the search index and import reports live here.</summary>
    public string DataDirectory { get; }

    public string ConnectionString { get; }

    public DailyPapersDbContext CreateContext() => Provider == StoreProvider.Sqlite
        ? new SqliteDailyPapersDbContext(_sqliteOptions!)
        : new PostgresDailyPapersDbContext(_postgresOptions!);

    /// <summary>Creates or upgrades the schema; safe to call from several processes at once.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var context = CreateContext();
        await context.Database.MigrateAsync(cancellationToken);
    }
}
