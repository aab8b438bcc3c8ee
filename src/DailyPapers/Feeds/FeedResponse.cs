using DailyPapers.Core.Feeds;
using DailyPapers.Web;

namespace DailyPapers.Feeds;

/// <summary>
/// A feed's answer with its validators: a strong <c>ETag</c> (a hash of the bytes) and <c>Last-Modified</c>; 304
/// when the reader's copy is current (<see cref="ConditionalRequest"/>). <c>no-cache</c>: a reader may keep a copy
/// but asks each time, which a 304 makes cheap.
/// </summary>
public static class FeedResponse
{
    public static IResult Answer(HttpContext http, FeedDocument feed, FeedFormat format, DateTimeOffset lastModified, bool isPrivate)
    {
        var body = FeedFormats.Write(feed, format);
        var etag = ConditionalRequest.EntityTagOf(body);
        var response = http.Response;
        var headers = response.GetTypedHeaders();
        headers.ETag = etag;
        headers.LastModified = lastModified;
        response.Headers.CacheControl = isPrivate ? "private, no-cache" : "public, no-cache";
        return ConditionalRequest.IsCurrent(http.Request.GetTypedHeaders(), etag, lastModified)
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(body, FeedFormats.MediaType(format) + "; charset=utf-8");
    }
}
