using System.Text;
using DailyPapers.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Infrastructure.Digests;

/// <summary>What importing a list of subscribers did, with each refused line and why.</summary>
public sealed record SubscriberImportReport(int Added, int AlreadySubscribed, IReadOnlyList<(int Line, string Reason)> Refused);

/// <summary>
/// <c>dailypapers subscribers import FILE</c>: a CSV of addresses the operator vouches are already confirmed (a list
/// moved from elsewhere). A header row names the columns: <c>email</c> (required), and optionally <c>daily</c> and
/// <c>weekly</c> (yes/no, true/false, 1/0; an empty cell or a missing column keeps what a known address chose, or
/// daily on and weekly off for a new one). Imported addresses count as confirmed at import time. Addresses that left
/// this instance are not subscribed again.
/// </summary>
public sealed class SubscriberImport(StoreContextFactory store, TimeProvider clock)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Imports a file's bytes: UTF-8 (with or without a byte-order mark), or UTF-16/32 with one. A line that is not valid
    /// UTF-8 (a Latin-1 or Windows-1252 export) is refused by number rather than read with replacement characters,
    /// which would subscribe a mangled address.
    /// </summary>
    public async Task<SubscriberImportReport> RunAsync(Stream file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (bytes.Span is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] or [0x00, 0x00, 0xFE, 0xFF, ..])
        {
            using var reader = new StreamReader(new MemoryStream(bytes.ToArray()), detectEncodingFromByteOrderMarks: true);
            return await RunAsync(reader, cancellationToken);
        }

        if (bytes.Span is [0xEF, 0xBB, 0xBF, ..])
        {
            bytes = bytes[3..];
        }

        var lines = new List<(int, string?)>();
        for (var number = 1; bytes.Length > 0 || number == 1; number++)
        {
            var end = bytes.Span.IndexOf((byte)'\n');
            var line = end < 0 ? bytes : bytes[..end];
            bytes = end < 0 ? Memory<byte>.Empty : bytes[(end + 1)..];
            if (line.Span is [.., (byte)'\r'])
            {
                line = line[..^1];
            }

            try
            {
                lines.Add((number, StrictUtf8.GetString(line.Span)));
            }
            catch (DecoderFallbackException)
            {
                lines.Add((number, null));
            }
        }

        return await ImportAsync(lines, cancellationToken);
    }

    /// <summary>Imports text already decoded (tests, and files with a UTF-16 byte-order mark).</summary>
    public async Task<SubscriberImportReport> RunAsync(TextReader csv, CancellationToken cancellationToken)
    {
        var lines = new List<(int, string?)>();
        var number = 0;
        while (await csv.ReadLineAsync(cancellationToken) is { } line)
        {
            lines.Add((++number, line));
        }

        return await ImportAsync(lines, cancellationToken);
    }

    // The report gives the line's number with it.
    private const string NotUtf8 =
        "the line is not valid UTF-8 text (was the file saved as Latin-1 or Windows-1252?); save it as UTF-8 and import it again.";

    /// <summary>The lines, numbered from 1; a null text is a line that could not be decoded.</summary>
    private async Task<SubscriberImportReport> ImportAsync(List<(int Number, string? Text)> lines, CancellationToken cancellationToken)
    {
        var refused = new List<(int, string)>();
        if (lines.Count > 0 && lines[0].Text is null)
        {
            refused.Add((1, NotUtf8));
            return new SubscriberImportReport(0, 0, refused);
        }

        var header = lines.Count == 0 ? null : lines[0].Text;
        var columns = header is null ? [] : SplitCsv(header).Select(c => c.Trim().ToLowerInvariant()).ToList();
        var emailAt = columns.IndexOf("email");
        if (emailAt < 0)
        {
            refused.Add((1, "The first line must name the columns, one of them \"email\" (e.g. email,daily,weekly)."));
            return new SubscriberImportReport(0, 0, refused);
        }

        int dailyAt = columns.IndexOf("daily"), weeklyAt = columns.IndexOf("weekly");
        var wanted = new Dictionary<string, (string Email, bool? Daily, bool? Weekly, int Line)>(StringComparer.Ordinal);
        foreach (var (lineNumber, line) in lines.Skip(1))
        {
            if (line is null)
            {
                refused.Add((lineNumber, NotUtf8));
                continue;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var cells = SplitCsv(line);
            var cell = emailAt < cells.Count ? cells[emailAt] : "";
            if (!EmailAddresses.TryNormalise(cell, out var email, out var problem))
            {
                refused.Add((lineNumber, problem!));
                continue;
            }

            if (!TryFlag(cells, dailyAt, out var daily) || !TryFlag(cells, weeklyAt, out var weekly))
            {
                refused.Add((lineNumber, "daily and weekly must be yes/no, true/false or 1/0."));
                continue;
            }

            if (!wanted.TryAdd(EmailAddresses.Normalised(email), (email, daily, weekly, lineNumber)))
            {
                refused.Add((lineNumber, $"{email} appears earlier in the file."));
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        int added = 0, already = 0;
        await using var context = store.CreateContext();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        foreach (var chunk in wanted.Chunk(500))
        {
            var keys = chunk.Select(c => c.Key).ToList();
            var existing = await context.Subscriptions.Where(s => keys.Contains(s.NormalizedEmail)).ToDictionaryAsync(s => s.NormalizedEmail, cancellationToken);
            foreach (var (key, (email, daily, weekly, line)) in chunk)
            {
                if (existing.TryGetValue(key, out var known))
                {
                    if (known.Status == SubscriptionStatus.Unsubscribed)
                    {
                        refused.Add((line, $"{email} unsubscribed from this instance; not subscribed again."));
                    }
                    else if (known.Status == SubscriptionStatus.Confirmed)
                    {
                        already++;
                    }
                    else
                    {
                        // Pending or paused: confirmed now, with the file's choices where it makes them.
                        known.Status = SubscriptionStatus.Confirmed;
                        known.ConfirmedAt = now;
                        known.Daily = daily ?? known.Daily;
                        known.Weekly = weekly ?? known.Weekly;
                        known.HardFailures = 0;
                        added++;
                    }

                    continue;
                }

                context.Subscriptions.Add(new SubscriptionEntity
                {
                    Email = email,
                    NormalizedEmail = key,
                    Status = SubscriptionStatus.Confirmed,
                    Daily = daily ?? true,
                    Weekly = weekly ?? false,
                    TokenSecret = SubscriptionTokens.NewSecret(),
                    CreatedAt = now,
                    // Counts as confirmed now: digests already due are not mailed to the imported list.
                    ConfirmedAt = now,
                });
                added++;
            }

            await context.SaveChangesAsync(cancellationToken);
            context.ChangeTracker.Clear();
        }

        await transaction.CommitAsync(cancellationToken);
        return new SubscriberImportReport(added, already, [.. refused.OrderBy(r => r.Item1)]);
    }

    /// <summary>A yes/no cell; null when the file has no such column or leaves the cell empty.</summary>
    private static bool TryFlag(List<string> cells, int at, out bool? value)
    {
        value = null;
        if (at < 0 || at >= cells.Count || string.IsNullOrWhiteSpace(cells[at]))
        {
            return true;
        }

        switch (cells[at].Trim().ToLowerInvariant())
        {
            case "yes" or "true" or "1" or "y":
                value = true;
                return true;
            case "no" or "false" or "0" or "n":
                value = false;
                return true;
            default:
                return false;
        }
    }

    /// <summary>One CSV line's cells: commas separate, double quotes enclose (with "" for a quote).</summary>
    private static List<string> SplitCsv(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }
}
