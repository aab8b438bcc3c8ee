using System.Data;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Search.Embeddings;
using DailyPapers.Infrastructure.Storage;

namespace DailyPapers.Infrastructure.Search.Vectors;

/// <summary>
/// Reads and writes <c>paper_vectors</c>. Writes number their vectors from the <c>vector_changes</c> counter while
/// holding its row (as PaperWriter does for papers), so sequences become visible in order and every node's
/// <see cref="VectorIndex"/> can follow them without missing one.
/// </summary>
public sealed class PaperVectorStore(StoreContextFactory store)
{
    // Newest changes first: after a large import, this week's papers become searchable by meaning first.
    private const string PendingWhere =
        "FROM papers AS p LEFT JOIN paper_vectors AS v ON v.paper_id = p.id AND v.model = @model " +
        "WHERE NOT p.is_deleted AND (v.paper_id IS NULL OR v.paper_seq < p.change_seq)";

    // Search:Embeddings:Since. Papers with no first-version date are inside: nothing says they are old.
    private const string SinceWhere = " AND (p.submitted_at >= @since OR p.submitted_at IS NULL)";

    private const string Upsert =
        "INSERT INTO paper_vectors (paper_id, model, vector, text_hash, paper_seq, vector_seq) " +
        "VALUES (@id, @model, @vector, @hash, @paper_seq, @vector_seq) " +
        "ON CONFLICT (paper_id, model) DO UPDATE SET vector = excluded.vector, text_hash = excluded.text_hash, " +
        "paper_seq = excluded.paper_seq, vector_seq = excluded.vector_seq " +
        // Two embedders racing: the one that saw the newer paper wins.
        "WHERE paper_vectors.paper_seq <= excluded.paper_seq";

    private const string Touch =
        "UPDATE paper_vectors SET paper_seq = @paper_seq WHERE paper_id = @id AND model = @model AND paper_seq < @paper_seq";

    /// <summary>
    /// Papers that need a vector (or a check that theirs is current), most recently changed first; with
    /// <paramref name="since"/>, only those first submitted on or after it (or of unknown date).
    /// </summary>
    public async Task<IReadOnlyList<PendingPaper>> ReadPendingAsync(string model, DateTime? since, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await ReadConnection.OpenAsync(store, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT p.id, p.change_seq, p.title, p.abstract, v.text_hash {Pending(command, model, since)} ORDER BY p.change_seq DESC LIMIT @limit";
        command.AddParameter("@limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var pending = new List<PendingPaper>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var text = EmbeddingText.ForPaper(reader.GetString(2), reader.GetString(3));
            pending.Add(new PendingPaper(
                reader.GetString(0), reader.GetInt64(1), text, HashOf(text), reader.IsDBNull(4) ? null : reader.GetInt64(4)));
        }

        return pending;
    }

    /// <summary>How many papers <see cref="ReadPendingAsync"/> would return without a limit.</summary>
    public async Task<int> CountPendingAsync(string model, DateTime? since, CancellationToken cancellationToken)
    {
        await using var connection = await ReadConnection.OpenAsync(store, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) {Pending(command, model, since)}";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Stores the new vectors and records the papers whose text was unchanged, in one transaction. A paper missing
    /// from <paramref name="vectors"/> must be <see cref="PendingPaper.IsUnchanged"/>.
    /// </summary>
    public async Task WriteAsync(
        string model, IReadOnlyList<PendingPaper> papers, IReadOnlyDictionary<string, float[]> vectors, CancellationToken cancellationToken)
    {
        await using var connection = await ReadConnection.OpenAsync(store, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        var changed = papers.Where(p => vectors.ContainsKey(p.Id)).ToList();
        var sequence = changed.Count == 0 ? 0 : await TakeSequencesAsync(connection, transaction, changed.Count, cancellationToken) - changed.Count;
        foreach (var paper in papers)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.AddParameter("@id", paper.Id);
            command.AddParameter("@model", model);
            command.AddParameter("@paper_seq", paper.ChangeSeq);
            if (vectors.TryGetValue(paper.Id, out var vector))
            {
                command.CommandText = Upsert;
                command.AddParameter("@vector", VectorCodec.Encode(vector));
                command.AddParameter("@hash", paper.TextHash);
                command.AddParameter("@vector_seq", ++sequence);
            }
            else if (paper.IsUnchanged)
            {
                command.CommandText = Touch;
            }
            else
            {
                throw new ArgumentException($"No vector for {paper.Id}, whose text changed.", nameof(vectors));
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        Hosting.DailyPapersMetrics.VectorsWritten.Add(changed.Count);
    }

    /// <summary>The vectors written after <paramref name="after"/>, in sequence order, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<StoredVector>> ReadChangesAsync(string model, long after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await ReadConnection.OpenAsync(store, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT paper_id, vector, vector_seq FROM paper_vectors WHERE model = @model AND vector_seq > @after ORDER BY vector_seq LIMIT @limit";
        command.AddParameter("@model", model);
        command.AddParameter("@after", after);
        command.AddParameter("@limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var vectors = new List<StoredVector>();
        while (await reader.ReadAsync(cancellationToken))
        {
            vectors.Add(new StoredVector(reader.GetString(0), VectorCodec.Decode(reader.GetFieldValue<byte[]>(1)), reader.GetInt64(2)));
        }

        return vectors;
    }

    /// <summary>The <c>vector_changes</c> counter: the last sequence any vector was written under.</summary>
    public async Task<long> ReadSequenceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await ReadConnection.OpenAsync(store, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM store_counters WHERE name = @name";
        command.AddParameter("@name", StoreCounterEntity.VectorChanges);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken) ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The FROM and WHERE of the pending papers, with their parameters added to <paramref name="command"/>.</summary>
    private static string Pending(DbCommand command, string model, DateTime? since)
    {
        command.AddParameter("@model", model);
        if (since is not { } cutoff)
        {
            return PendingWhere;
        }

        // UTC for PostgreSQL's timestamptz; SQLite compares the text, written the way EF writes the column.
        command.AddParameter("@since", DateTime.SpecifyKind(cutoff, DateTimeKind.Utc));
        return PendingWhere + SinceWhere;
    }

    /// <summary>8 bytes of SHA-256 of the embedded text: enough to tell an edit from a vote.</summary>
    internal static long HashOf(string text) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Advances the counter by <paramref name="count"/> and returns its new value, holding its row until commit.</summary>
    private static async Task<long> TakeSequencesAsync(DbConnection connection, DbTransaction transaction, int count, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE store_counters SET value = value + @count WHERE name = @name RETURNING value";
        command.AddParameter("@count", (long)count);
        command.AddParameter("@name", StoreCounterEntity.VectorChanges);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
