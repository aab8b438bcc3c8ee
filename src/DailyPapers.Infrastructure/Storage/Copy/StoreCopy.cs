using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace DailyPapers.Infrastructure.Storage.Copy;

/// <summary>How <c>store copy</c> runs.</summary>
/// <param name="Append">Add to a target that has rows of its own; a key present in both stops the copy.</param>
/// <param name="BatchSize">Rows per transaction (and per checkpoint) on the target.</param>
/// <param name="KillInBatch">
/// For the tests of a copy killed half-way: the process kills itself (SIGKILL) half-way through writing this batch of
/// rows of the run (1 is the first that has rows); 0, the default, never.
/// </param>
public sealed record StoreCopyOptions(bool Append = false, int BatchSize = 5000, int KillInBatch = 0);

/// <summary>One table copied: its rows in the target now, how many this run wrote, in what time.</summary>
public sealed record TableCopied(string Table, long Rows, long CopiedNow, TimeSpan Elapsed);

/// <summary>
/// One table's row count and checksum on both sides; after --append, the target's over the source's keys only. A
/// seeded table (the counters) merged by --append is <paramref name="Merged"/>: its values are not the source's.
/// </summary>
public sealed record TableVerified(string Table, TableSum Source, TableSum Target, bool Merged = false)
{
    public bool Matches => Merged || Source == Target;
}

/// <summary>
/// Copies a SQLite store into a PostgreSQL database (<c>dailypapers store copy</c>): every table of the EF model, in
/// batches of binary COPY, each committed with its checkpoint (<see cref="CopyCheckpoints"/>) so a killed copy
/// continues where it stopped; then the identity sequences moved past the copied ids, and every table counted and
/// checksummed on both sides. The source is read in one snapshot (a SQLite read transaction) for the whole run.
/// </summary>
public sealed class StoreCopy : IAsyncDisposable
{
    /// <summary>"dailypapers-copy" as an advisory lock key: one copy into a database at a time.</summary>
    private const long AdvisoryKey = 0x6470_636F_7079_0001;

    private readonly SqliteConnection _source;
    private readonly SqliteTransaction _snapshot;
    private readonly NpgsqlConnection _target;
    private readonly IReadOnlyList<CopyTable> _tables;
    private readonly Dictionary<string, CopyCheckpoint> _checkpoints;
    private readonly StoreCopyOptions _options;
    private int _batches;

    private StoreCopy(
        SqliteConnection source, NpgsqlConnection target, IReadOnlyList<CopyTable> tables, Dictionary<string, CopyCheckpoint> checkpoints,
        StoreCopyOptions options, string sourceName, string targetName, bool resumed, IReadOnlyList<string> skipped)
    {
        _source = source;
        _snapshot = source.BeginTransaction(deferred: true);
        _target = target;
        _tables = tables;
        _checkpoints = checkpoints;
        _options = options;
        Source = sourceName;
        Target = targetName;
        Resumed = resumed;
        Skipped = skipped;
    }

    /// <summary>The SQLite file copied from.</summary>
    public string Source { get; }

    /// <summary>The target in words, without its password.</summary>
    public string Target { get; }

    /// <summary>An unfinished copy was found in the target and is being continued.</summary>
    public bool Resumed { get; }

    public bool Append => _options.Append;

    /// <summary>Tables in the source that are not the model's and are left behind on purpose (Quartz's <c>qrtz_*</c>).</summary>
    public IReadOnlyList<string> Skipped { get; }

    /// <summary>The tables copied, in the order they are copied (parents first).</summary>
    public IReadOnlyList<string> Tables => [.. _tables.Select(t => t.Name)];

    /// <summary>
    /// Checks both stores and brings the target to this version's schema. Throws <see cref="StoreNotReadyException"/>,
    /// with nothing written, when the source is not a current SQLite store, the target cannot be reached, or the target
    /// has rows and no unfinished copy of ours and <see cref="StoreCopyOptions.Append"/> is not set.
    /// </summary>
    public static async Task<StoreCopy> OpenAsync(
        StoreContextFactory source, string targetConnectionString, StoreCopyOptions options, CancellationToken cancellationToken)
    {
        var sourceFile = await CopyPreflight.CheckSourceAsync(source, cancellationToken);
        NpgsqlConnectionStringBuilder targetBuilder;
        try
        {
            targetBuilder = new NpgsqlConnectionStringBuilder(targetConnectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            throw new StoreNotReadyException($"the --to connection string does not parse: {StoreSchema.FirstLine(e)}", e);
        }

        var targetStore = new StoreContextFactory(new DatabaseOptions { Provider = "Postgres", ConnectionString = targetConnectionString }, source.DataDirectory);
        var targetName = StoreSchema.Describe(targetStore);
        IReadOnlyList<CopyTable> tables;
        await using (var sqliteContext = source.CreateContext())
        await using (var postgresContext = targetStore.CreateContext())
        {
            tables = CopyPlan.Build(sqliteContext.GetService<IDesignTimeModel>().Model, postgresContext.GetService<IDesignTimeModel>().Model);
        }

        var sourceConnection = new SqliteConnection(new SqliteConnectionStringBuilder(source.ConnectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        NpgsqlConnection? target = null;
        try
        {
            await sourceConnection.OpenAsync(cancellationToken);
            var skipped = await CopyPreflight.CheckSourceTablesAsync(sourceConnection, tables, cancellationToken);

            // Our own connection, unpooled: the advisory lock goes with it when it closes or the process dies. With the
            // server's error detail, so that a key met twice under --append is named.
            target = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(targetBuilder.ConnectionString) { Pooling = false, IncludeErrorDetail = true }.ConnectionString);
            try
            {
                await target.OpenAsync(cancellationToken);
            }
            catch (Exception e) when (StoreSchema.IsUnreachable(e))
            {
                throw new StoreNotReadyException($"cannot reach the target ({targetName}): {StoreSchema.FirstLine(e)}", e);
            }

            await using (var take = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", target))
            {
                take.Parameters.AddWithValue("key", AdvisoryKey);
                if (!(bool)(await take.ExecuteScalarAsync(cancellationToken))!)
                {
                    throw new StoreNotReadyException($"another store copy into {targetName} is running; wait for it, or stop it (a rerun continues it).");
                }
            }

            var unfinished = await CopyCheckpoints.ReadAsync(target, cancellationToken);
            if (unfinished is not null && unfinished.Source != sourceFile)
            {
                throw new StoreNotReadyException(
                    $"{targetName} holds an unfinished copy of {unfinished.Source}, not of {sourceFile}; run store copy from that store to finish it.");
            }

            if (unfinished is null && !options.Append && await CopyPreflight.FirstRowsAsync(target, tables, cancellationToken) is { } rows)
            {
                throw new StoreNotReadyException(
                    $"database {targetBuilder.Database} is not empty ({rows.Count:N0} rows in {rows.Table}); use --append to add to it. Nothing was written.");
            }

            await StoreSchema.PrepareAsync(targetStore, migrate: true, cancellationToken);
            options = options with { Append = unfinished?.Append ?? options.Append };
            await CopyCheckpoints.CreateAsync(target, tables.Select(t => t.Name), sourceFile, options.Append, cancellationToken);
            var checkpoints = (await CopyCheckpoints.ReadAsync(target, cancellationToken))!.Tables;
            return new StoreCopy(sourceConnection, target, tables, checkpoints, options, sourceFile, targetName, unfinished is not null, skipped);
        }
        catch
        {
            await sourceConnection.DisposeAsync();
            if (target is not null)
            {
                await target.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>Copies what the target lacks of one table, reporting (rows in the target, rows in the source).</summary>
    public async Task<TableCopied> CopyTableAsync(string name, IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        var table = _tables.Single(t => t.Name == name);
        var stopwatch = Stopwatch.StartNew();
        var checkpoint = _checkpoints[name];
        var total = await CountSourceAsync(table, cancellationToken);
        var before = checkpoint.Copied;
        progress?.Report(((int)checkpoint.Copied, (int)total));
        while (!checkpoint.Done)
        {
            checkpoint = table.IsSeeded
                ? await CopySeededAsync(table, cancellationToken)
                : await CopyBatchAsync(table, checkpoint, cancellationToken);
            _checkpoints[name] = checkpoint;
            progress?.Report(((int)checkpoint.Copied, (int)Math.Max(total, checkpoint.Copied)));
        }

        return new TableCopied(name, checkpoint.Copied, checkpoint.Copied - before, stopwatch.Elapsed);
    }

    /// <summary>
    /// Moves every identity (and serial) sequence of the copied tables past the greatest id, so a vote or comment
    /// added on PostgreSQL gets a new id; returns "table.column → next id" for each.
    /// </summary>
    public async Task<IReadOnlyList<string>> ResetSequencesAsync(CancellationToken cancellationToken)
    {
        var columns = new List<(string Table, string Column)>();
        await using (var find = new NpgsqlCommand(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() " +
            "AND (is_identity = 'YES' OR column_default LIKE 'nextval(%') ORDER BY table_name, column_name", _target))
        await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var reset = new List<string>();
        foreach (var (table, column) in columns.Where(c => _tables.Any(t => t.Name == c.Table)))
        {
            await using var set = new NpgsqlCommand(
                $"SELECT setval(pg_get_serial_sequence(@table, @column), COALESCE(MAX({CopyTable.Quote(column)}), 0) + 1, false) FROM {CopyTable.Quote(table)}",
                _target);
            set.Parameters.AddWithValue("table", CopyTable.Quote(table));
            set.Parameters.AddWithValue("column", column);
            var next = await set.ExecuteScalarAsync(cancellationToken);
            reset.Add($"{table}.{column} → {next}");
        }

        return reset;
    }

    /// <summary>
    /// Counts and checksums every table on both sides (<see cref="TableChecksum"/>); after --append, the target's rows
    /// with the source's keys, so the check is that every source row is there, as it was.
    /// </summary>
    public async Task<IReadOnlyList<TableVerified>> VerifyAsync(IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        var verified = new List<TableVerified>();
        foreach (var table in _tables)
        {
            var keys = Append ? new HashSet<string>(StringComparer.Ordinal) : null;
            var source = await TableChecksum.ComputeAsync(_source, table, source: true, _snapshot, keys, null, cancellationToken);
            var target = await TableChecksum.ComputeAsync(_target, table, source: false, null, null, keys, cancellationToken);
            verified.Add(new TableVerified(table.Name, source, target, Merged: Append && table.IsSeeded));
            progress?.Report((verified.Count, _tables.Count));
        }

        return verified;
    }

    /// <summary>Forgets the checkpoints: the target is now a store like any other.</summary>
    public Task FinishAsync(CancellationToken cancellationToken) => CopyCheckpoints.DropAsync(_target, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _snapshot.DisposeAsync();
        await _source.DisposeAsync();
        await _target.DisposeAsync();
    }

    private async Task<CopyCheckpoint> CopyBatchAsync(CopyTable table, CopyCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        await using var read = _source.CreateCommand();
        read.Transaction = _snapshot;
        var after = "";
        if (checkpoint.LastKey is { } last)
        {
            // Keyset by primary key, compared by SQLite as it ordered the rows: no offset to skip, no order to agree on.
            after = $" WHERE ({table.KeyList}) > ({string.Join(", ", last.Select((_, i) => "@k" + i))})";
            for (var i = 0; i < last.Length; i++)
            {
                read.Parameters.AddWithValue("@k" + i, last[i] ?? DBNull.Value);
            }
        }

        read.CommandText = $"SELECT {table.ColumnList} FROM {CopyTable.Quote(table.Name)}{after} ORDER BY {table.KeyList} LIMIT {_options.BatchSize}";
        var keyOrdinals = table.Key.Select(k => IndexOf(table, k)).ToArray();
        long rows = 0;
        var lastKey = checkpoint.LastKey;
        var killHere = false;
        await using var transaction = await _target.BeginTransactionAsync(cancellationToken);
        try
        {
            await using (var importer = await _target.BeginBinaryImportAsync(
                $"COPY {CopyTable.Quote(table.Name)} ({table.ColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken))
            {
                await using var reader = await read.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    killHere |= rows == 0 && ++_batches == _options.KillInBatch;
                    await importer.StartRowAsync(cancellationToken);
                    for (var i = 0; i < table.Columns.Count; i++)
                    {
                        var column = table.Columns[i];
                        var value = CopyValue.ToTarget(CopyValue.Read(reader, i, column.SourceType, column.SourceConverter), column);
                        if (value is null)
                        {
                            await importer.WriteNullAsync(cancellationToken);
                        }
                        else
                        {
                            await CopyValue.WriteAsync(importer, value, column.TargetDbType, cancellationToken);
                        }
                    }

                    lastKey = [.. keyOrdinals.Select(o => reader.IsDBNull(o) ? null : reader.GetValue(o))];
                    if (++rows == Math.Max(1, _options.BatchSize / 2) && killHere)
                    {
                        // With the COPY under way on the server and half its rows written: the worst moment to die.
                        Process.GetCurrentProcess().Kill();
                    }
                }

                await importer.CompleteAsync(cancellationToken);
            }

            var next = new CopyCheckpoint(checkpoint.Copied + rows, lastKey, Done: rows < _options.BatchSize);
            await CopyCheckpoints.SaveAsync(_target, transaction, table.Name, next, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return next;
        }
        catch (PostgresException e)
        {
            throw Failed(table, checkpoint, e);
        }
    }

    /// <summary>
    /// A table the migrations seed (the change-sequence counters): its rows are in the target already, so each source
    /// row is written over them, exactly. With --append the target's own counters count too: each number column keeps
    /// the greater value, so neither store's sequence goes backwards.
    /// </summary>
    private async Task<CopyCheckpoint> CopySeededAsync(CopyTable table, CancellationToken cancellationToken)
    {
        var rows = new List<object?[]>();
        await using (var read = _source.CreateCommand())
        {
            read.Transaction = _snapshot;
            read.CommandText = $"SELECT {table.ColumnList} FROM {CopyTable.Quote(table.Name)} ORDER BY {table.KeyList}";
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add([.. table.Columns.Select((c, i) => CopyValue.ToTarget(CopyValue.Read(reader, i, c.SourceType, c.SourceConverter), c))]);
            }
        }

        var quoted = CopyTable.Quote(table.Name);
        var updates = table.Columns.Where(c => !table.Key.Contains(c))
            .Select(c => !Append ? $"{CopyTable.Quote(c.Name)} = EXCLUDED.{CopyTable.Quote(c.Name)}"
                : IsNumber(c) ? $"{CopyTable.Quote(c.Name)} = GREATEST({quoted}.{CopyTable.Quote(c.Name)}, EXCLUDED.{CopyTable.Quote(c.Name)})"
                : null)
            .OfType<string>().ToList();
        var conflict = updates.Count == 0 ? "DO NOTHING" : "DO UPDATE SET " + string.Join(", ", updates);
        var sql = $"INSERT INTO {quoted} ({table.ColumnList}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => "@p" + i))}) " +
            $"ON CONFLICT ({table.KeyList}) {conflict}";
        await using var transaction = await _target.BeginTransactionAsync(cancellationToken);
        foreach (var row in rows)
        {
            await using var write = new NpgsqlCommand(sql, _target, transaction);
            for (var i = 0; i < row.Length; i++)
            {
                write.Parameters.Add(new NpgsqlParameter("p" + i, table.Columns[i].TargetDbType) { Value = row[i] ?? DBNull.Value });
            }

            await write.ExecuteNonQueryAsync(cancellationToken);
        }

        var done = new CopyCheckpoint(rows.Count, null, Done: true);
        await CopyCheckpoints.SaveAsync(_target, transaction, table.Name, done, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return done;
    }

    private static bool IsNumber(CopyColumn column) =>
        column.TargetDbType is NpgsqlTypes.NpgsqlDbType.Bigint or NpgsqlTypes.NpgsqlDbType.Integer or NpgsqlTypes.NpgsqlDbType.Smallint
            or NpgsqlTypes.NpgsqlDbType.Numeric or NpgsqlTypes.NpgsqlDbType.Double or NpgsqlTypes.NpgsqlDbType.Real;

    private static int IndexOf(CopyTable table, CopyColumn column)
    {
        for (var i = 0; i < table.Columns.Count; i++)
        {
            if (ReferenceEquals(table.Columns[i], column))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"{column.Name} is not a column of {table.Name}");
    }

    private async Task<long> CountSourceAsync(CopyTable table, CancellationToken cancellationToken)
    {
        await using var count = _source.CreateCommand();
        count.Transaction = _snapshot;
        count.CommandText = $"SELECT count(*) FROM {CopyTable.Quote(table.Name)}";
        return (long)(await count.ExecuteScalarAsync(cancellationToken))!;
    }

    private static StoreNotReadyException Failed(CopyTable table, CopyCheckpoint checkpoint, PostgresException e)
    {
        var kept = $"The batch that met it was not written; {checkpoint.Copied:N0} row(s) of {table.Name} copied before it are kept.";
        return e.SqlState == PostgresErrorCodes.UniqueViolation
            ? new StoreNotReadyException(
                $"{table.Name}: the target has this row already ({e.Detail?.TrimEnd('.') ?? e.MessageText}); --append adds rows and never replaces one. {kept}", e)
            : new StoreNotReadyException($"copying {table.Name} failed: {e.MessageText}{(e.Detail is null ? "" : $" ({e.Detail})")}. {kept} A rerun continues from there.", e);
    }
}
