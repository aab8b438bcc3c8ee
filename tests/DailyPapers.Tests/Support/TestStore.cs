using DailyPapers.Infrastructure.Storage;
using Npgsql;

namespace DailyPapers.Tests.Support;

/// <summary>
/// A fresh, migrated store on a real database: a SQLite file in a temp folder, or a new database on the
/// PostgreSQL server that scripts/test.sh starts (its address in DAILYPAPERS_TEST_POSTGRES).
/// </summary>
public sealed class TestStore : IAsyncDisposable
{
    public const string PostgresVariable = "DAILYPAPERS_TEST_POSTGRES";

    private readonly string? _postgresDatabase;

    private TestStore(StoreProvider provider, DatabaseOptions options, string dataDirectory, string? postgresDatabase)
    {
        Provider = provider;
        Options = options;
        DataDirectory = dataDirectory;
        _postgresDatabase = postgresDatabase;
        Factory = new StoreContextFactory(options, dataDirectory);
    }

    public static TheoryData<StoreProvider> Providers => new() { StoreProvider.Sqlite, StoreProvider.Postgres };

    public StoreProvider Provider { get; }

    public DatabaseOptions Options { get; }

    public string DataDirectory { get; }

    public StoreContextFactory Factory { get; }

    /// <summary>The configuration keys that point an app or CLI process at this store.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = Options.Provider,
        ["Database:ConnectionString"] = Options.ConnectionString ?? "",
        ["DataDirectory"] = DataDirectory,
    };

    /// <summary>A fresh store; with <paramref name="migrate"/> false, an empty database (or folder) no version has touched.</summary>
    public static async Task<TestStore> CreateAsync(StoreProvider provider, bool migrate = true)
    {
        var dataDirectory = TestData.NewTempDir("dp-store");
        TestStore store;
        if (provider == StoreProvider.Sqlite)
        {
            store = new TestStore(provider, new DatabaseOptions { Provider = "Sqlite" }, dataDirectory, null);
        }
        else
        {
            var server = Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrWhiteSpace(server))
            {
                throw new InvalidOperationException(
                    $"{PostgresVariable} is not set: run the tests with scripts/test.sh, which starts PostgreSQL, or point it at a server.");
            }

            var database = "dp_test_" + Guid.NewGuid().ToString("N")[..12];
            await using (var connection = new NpgsqlConnection(server))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
                await create.ExecuteNonQueryAsync();
            }

            var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString();
            store = new TestStore(provider, new DatabaseOptions { Provider = "Postgres", ConnectionString = connectionString }, dataDirectory, database);
        }

        if (migrate)
        {
            await store.Factory.MigrateAsync(CancellationToken.None);
        }

        return store;
    }

    /// <summary>A SQLite store already in <paramref name="dataDirectory"/> (a restored backup), deleted with it on dispose.</summary>
    public static TestStore OpenSqlite(string dataDirectory) =>
        new(StoreProvider.Sqlite, new DatabaseOptions { Provider = "Sqlite" }, dataDirectory, null);

    public async ValueTask DisposeAsync()
    {
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresVariable));
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a pool on its way out; the temp folder is cleaned by the OS.
        }
    }
}
