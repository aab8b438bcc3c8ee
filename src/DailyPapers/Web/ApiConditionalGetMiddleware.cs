using DailyPapers.Feeds;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Search;
using Microsoft.Net.Http.Headers;

namespace DailyPapers.Web;

/// <summary>
/// Validators for the read API: each 200 answer to a GET under <c>/api</c> gets a strong ETag (a hash of its bytes)
/// and a Last-Modified (when this process first saw the store as it is, <see cref="ContentClock"/>), and a client
/// whose copy is current gets 304 without the body. Inside the output cache, so cached answers carry them too and the
/// cache itself answers 304 on a hit. API answers are small (at most 120 papers), so buffering one costs little.
/// </summary>
public sealed class ApiConditionalGetMiddleware(
    RequestDelegate next, StoreVersion store, SearchIndexVersion searchIndex, ContentClock clock, ILogger<ApiConditionalGetMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || !request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        // Read before the answer is made: a change while it is made gives the next answer a later date, never this one.
        var lastModified = await LastModifiedAsync(context.RequestAborted);
        var response = context.Response;
        var original = response.Body;
        await using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = original;
        }

        if (response.StatusCode == StatusCodes.Status200OK && !response.Headers.ContainsKey(HeaderNames.ETag))
        {
            var etag = ConditionalRequest.EntityTagOf(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
            var headers = response.GetTypedHeaders();
            headers.ETag = etag;
            headers.LastModified = lastModified;
            if (ConditionalRequest.IsCurrent(request.GetTypedHeaders(), etag, lastModified))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                return;
            }
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private async Task<DateTimeOffset?> LastModifiedAsync(CancellationToken cancellationToken)
    {
        try
        {
            var version = await store.CurrentAsync(cancellationToken);
            return clock.SeenAt($"{version}/{searchIndex.Current}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The answer itself will say what is wrong with the store; it just goes without a date.
            logger.LogDebug(e, "No Last-Modified: the store version cannot be read");
            return null;
        }
    }
}
