using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.Net.Http.Headers;

namespace DailyPapers.Web;

/// <summary>
/// Validators and the conditional-GET rule shared by feeds and the read API: a strong ETag is a hash of the bytes
/// sent; a copy is current when <c>If-None-Match</c> names it (weakly compared, as RFC 9110 §13.1.2 says for it), or,
/// only when no <c>If-None-Match</c> was sent (§13.2.2), when <c>If-Modified-Since</c> is not before Last-Modified.
/// </summary>
public static class ConditionalRequest
{
    public static EntityTagHeaderValue EntityTagOf(ReadOnlySpan<byte> body) =>
        new($"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16))}\"");

    public static bool IsCurrent(RequestHeaders request, EntityTagHeaderValue etag, DateTimeOffset? lastModified)
    {
        if (request.IfNoneMatch is { Count: > 0 } tags)
        {
            return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false));
        }

        return lastModified is { } modified && request.IfModifiedSince is { } since && modified <= since;
    }
}
