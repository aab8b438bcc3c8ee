using DailyPapers.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Infrastructure.Digests;

/// <summary>What importing a list of subscribers did, with each refused line and why.</summary>
public sealed record SubscriberImportReport(int Added, int AlreadySubscribed, IReadOnlyList<(int Line, string Reason)> Refused);

/// <summary>
/// <c>dailypapers subscribers import FILE</c>: a CSV of addresses the operator vouches are already confirmed (a list
/// moved from elsewhere). A header row names the columns: <c>email</c> (required), and optionally <c>daily</c> and
/// <c>weekly</c> (yes/no, true/false, 1/0). Addresses that left this instance are not subscribed again.
/// </summary>
public sealed class SubscriberImport(StoreContextFactory store, TimeProvider clock)
{
    public async Task<SubscriberImportReport> RunAsync(TextReader csv, CancellationToken cancellationToken)
    {
        var refused = new List<(int, string)>();
        var header = await csv.ReadLineAsync(cancellationToken);
        var columns = header is null ? [] : SplitCsv(header).Select(c => c.Trim().ToLowerInvariant()).ToList();
        var emailAt = columns.IndexOf("email");
        if (emailAt < 0)
        {
            refused.Add((1, "The first line must name the columns, one of them \"email\" (e.g. email,daily,weekly)."));
            return new SubscriberImportReport(0, 0, refused);
        }

        int dailyAt = columns.IndexOf("daily"), weeklyAt = columns.IndexOf("weekly");
        var wanted = new Dictionary<string, (string Email, bool Daily, bool Weekly, int Line)>(StringComparer.Ordinal);
        var lineNumber = 1;
        while (await csv.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
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

            if (!TryFlag(cells, dailyAt, true, out var daily) || !TryFlag(cells, weeklyAt, false, out var weekly))
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
                        known.Status = SubscriptionStatus.Confirmed;
                        known.ConfirmedAt = now;
                        added++;
                    }

                    continue;
                }

                context.Subscriptions.Add(new SubscriptionEntity
                {
                    Email = email,
                    NormalizedEmail = key,
                    Status = SubscriptionStatus.Confirmed,
                    Daily = daily,
                    Weekly = weekly,
                    TokenSecret = SubscriptionTokens.NewSecret(),
                    CreatedAt = now,
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

    private static bool TryFlag(List<string> cells, int at, bool fallback, out bool value)
    {
        value = fallback;
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
