using System.Security.Cryptography;
using DailyPapers.Core.Feeds;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.Net.Http.Headers;

namespace DailyPapers.Feeds;

/// <summary>
/// A feed's answer with its validators: a strong <c>ETag</c> (a hash of the bytes) and <c>Last-Modified</c>; 304
/// when the reader's copy is current (<c>If-None-Match</c> decides when sent, as RFC 9110 §13.2.2 orders, else
/// <c>If-Modified-Since</c>). <c>no-cache</c>: a reader may keep a copy but asks each time, which a 304 makes cheap.
/// </summary>
public static class FeedResponse
{
    public static IResult Answer(HttpContext http, FeedDocument feed, FeedFormat format, DateTimeOffset lastModified, bool isPrivate)
    {
        var body = FeedFormats.Write(feed, format);
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16))}\"");
        var response = http.Response;
        var headers = response.GetTypedHeaders();
        headers.ETag = etag;
        headers.LastModified = lastModified;
        response.Headers.CacheControl = isPrivate ? "private, no-cache" : "public, no-cache";
        return IsCurrent(http.Request.GetTypedHeaders(), etag, lastModified)
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(body, FeedFormats.MediaType(format) + "; charset=utf-8");
    }

    private static bool IsCurrent(RequestHeaders request, EntityTagHeaderValue etag, DateTimeOffset lastModified)
    {
        if (request.IfNoneMatch is { Count: > 0 } tags)
        {
            // Weak comparison, as If-None-Match uses: a proxy may have weakened our tag (W/"…").
            return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false));
        }

        return request.IfModifiedSince is { } since && lastModified <= since;
    }
}
