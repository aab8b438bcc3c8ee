using System.Security.Cryptography;
using System.Text;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Infrastructure.Accounts;

/// <summary>Whose a token is, and the owner's security stamp when it was checked.</summary>
public sealed record TokenOwner(string UserId, string SecurityStamp);

/// <summary>Creates, checks and revokes personal access tokens.</summary>
public sealed class AccessTokens(StoreContextFactory store, TimeProvider clock)
{
    /// <summary>Marks our tokens, so that secret scanners and people can recognise one.</summary>
    public const string Marker = "dp_";

    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>A new token for the user; the returned text is shown once and never stored.</summary>
    public async Task<string> CreateAsync(string userId, string name, CancellationToken cancellationToken)
    {
        var token = Marker + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        await using var context = store.CreateContext();
        context.AccessTokens.Add(new AccessTokenEntity
        {
            UserId = userId,
            Name = string.IsNullOrWhiteSpace(name) ? "token" : name.Trim()[..Math.Min(name.Trim().Length, 100)],
            Hash = HashOf(token),
            Prefix = token[..(Marker.Length + 6)],
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await context.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>
    /// The owner of a valid, unrevoked token, with the owner's security stamp (it moves when the account is suspended,
    /// restored, given a role or changes its address), or null; one query, as it runs for every API call that sends a
    /// token. Notes the token's use, to the minute.
    /// </summary>
    public async Task<TokenOwner?> FindOwnerAsync(string token, CancellationToken cancellationToken)
    {
        if (!token.StartsWith(Marker, StringComparison.Ordinal) || token.Length > 200)
        {
            return null;
        }

        // Plain ADO.NET, not an EF context: this runs for every API call with a token, and the context's set-up and
        // query pipeline cost more CPU than the query (measured under the vote bench).
        await using var connection = await ReadConnection.OpenAsync(store, cancellationToken);
        int id;
        string userId, stamp;
        DateTime? lastUsed;
        await using (var command = connection.Command(
            null,
            "SELECT t.id, t.user_id, t.last_used_at, u.security_stamp FROM access_tokens AS t JOIN users AS u ON u.id = t.user_id " +
            "WHERE t.hash = @hash AND t.revoked_at IS NULL",
            ("@hash", HashOf(token))))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            id = reader.GetInt32(0);
            userId = reader.GetString(1);
            lastUsed = reader.IsDBNull(2) ? null : reader.GetDateTime(2);
            stamp = reader.IsDBNull(3) ? "" : reader.GetString(3);
        }

        // "Last used" to the minute: a client calling many times a second must not make each call a database write.
        var now = clock.GetUtcNow().UtcDateTime;
        if (lastUsed is not { } used || now - used >= LastUsedResolution)
        {
            await using var update = connection.Command(null, "UPDATE access_tokens SET last_used_at = @now WHERE id = @id", ("@now", now), ("@id", id));
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        return new TokenOwner(userId, stamp);
    }

    public async Task<IReadOnlyList<AccessTokenEntity>> ListAsync(string userId, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        return await context.AccessTokens.AsNoTracking()
            .Where(t => t.UserId == userId && t.RevokedAt == null)
            .OrderByDescending(t => t.CreatedAt)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Revokes one of the user's tokens; false when it is not theirs or already revoked.</summary>
    public async Task<bool> RevokeAsync(string userId, int tokenId, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var token = await context.AccessTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId && t.RevokedAt == null, cancellationToken);
        if (token is null)
        {
            return false;
        }

        token.RevokedAt = clock.GetUtcNow().UtcDateTime;
        await context.SaveChangesAsync(cancellationToken);
        return true;
    }

    internal static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
