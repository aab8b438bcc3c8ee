using System.Buffers;
using System.Buffers.Binary;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DailyPapers.Infrastructure.Storage.Copy;

/// <summary>A table's row count and checksum in one store.</summary>
public sealed record TableSum(long Rows, string Checksum);

/// <summary>
/// Counts a table's rows and sums a digest of each, computed here in C# from the values as the application reads them
/// (<see cref="CopyValue.Canonical"/>), so SQLite's text dates and PostgreSQL's timestamps agree when the values do.
/// Each row's SHA-256 is added into a 128-bit sum: the order the rows come in does not matter, so neither does the
/// difference between SQLite's and PostgreSQL's orders of text keys (byte order against the database's collation).
/// </summary>
internal static class TableChecksum
{
    /// <summary>
    /// The sum over the table, or over the rows whose keys are in <paramref name="onlyKeys"/> (the source's rows in a
    /// target copied into with --append); the keys seen are added to <paramref name="keys"/> when given.
    /// </summary>
    public static async Task<TableSum> ComputeAsync(
        DbConnection connection, CopyTable table, bool source, DbTransaction? transaction, HashSet<string>? keys, IReadOnlySet<string>? onlyKeys,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {table.ColumnList} FROM {CopyTable.Quote(table.Name)}";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        ulong high = 0, low = 0;
        long rows = 0;
        var buffer = new ArrayBufferWriter<byte>(4096);
        var digest = new byte[32];
        var keyOrdinals = table.Key.Select(k => table.Columns.ToList().IndexOf(k)).ToArray();
        var texts = new string[table.Columns.Count];
        while (await reader.ReadAsync(cancellationToken))
        {
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var column = table.Columns[i];
                texts[i] = CopyValue.Canonical(source
                    ? CopyValue.Read(reader, i, column.SourceType, column.SourceConverter)
                    : CopyValue.Read(reader, i, column.TargetType, column.TargetConverter));
            }

            if (keys is not null || onlyKeys is not null)
            {
                var key = string.Join('\u001f', keyOrdinals.Select(o => texts[o]));
                keys?.Add(key);
                if (onlyKeys is not null && !onlyKeys.Contains(key))
                {
                    continue;
                }
            }

            buffer.ResetWrittenCount();
            foreach (var text in texts)
            {
                // Length-prefixed, so that no choice of separator can make two different rows alike.
                var length = Encoding.UTF8.GetByteCount(text);
                BinaryPrimitives.WriteInt32LittleEndian(buffer.GetSpan(4), length);
                buffer.Advance(4);
                Encoding.UTF8.GetBytes(text, buffer.GetSpan(length));
                buffer.Advance(length);
            }

            SHA256.HashData(buffer.WrittenSpan, digest);
            var addLow = BinaryPrimitives.ReadUInt64LittleEndian(digest);
            var sum = unchecked(low + addLow);
            high = unchecked(high + BinaryPrimitives.ReadUInt64LittleEndian(digest.AsSpan(8)) + (sum < low ? 1UL : 0UL));
            low = sum;
            rows++;
        }

        return new TableSum(rows, string.Create(CultureInfo.InvariantCulture, $"{high:x16}{low:x16}"));
    }
}
