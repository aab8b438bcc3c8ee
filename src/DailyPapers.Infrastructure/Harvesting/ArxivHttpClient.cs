using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DailyPapers.Infrastructure.Harvesting;

/// <summary>
/// The one door to arXiv for the whole process (OAI-PMH harvests, feeds, look-ups by id), as arXiv's terms ask: one
/// request at a time, each starting at least <see cref="HarvestOptions.MinRequestInterval"/> after the previous one
/// ended, retried with exponential backoff and jitter on network errors, timeouts, 5xx and 429, honouring
/// <c>Retry-After</c>. Registered as a singleton, since the limits only hold if every caller shares one instance.
/// </summary>
public sealed class ArxivHttpClient : IDisposable
{
    /// <summary>A longer Retry-After is not waited out inside one request; the caller's own schedule tries later.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan MinBackoff = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan OneMillisecond = TimeSpan.FromMilliseconds(1);

    private readonly HttpClient _http;
    private readonly HarvestOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<ArxivHttpClient> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long? _lastEnded;

    public ArxivHttpClient(IOptions<HarvestOptions> options, TimeProvider clock, ILogger<ArxivHttpClient> logger)
    {
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        _http = new HttpClient(new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            // A process that runs for months should notice when arXiv's addresses change.
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        })
        {
            // Each attempt gets its own timeout (RequestTimeout), so a timeout can be told from the caller cancelling.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", _options.UserAgent);
    }

    /// <summary>GETs <paramref name="uri"/> and returns the whole body, read into memory.</summary>
    /// <exception cref="ArxivUnavailableException">Every attempt failed with a network error, a timeout, a 5xx or a 429.</exception>
    /// <exception cref="ArxivRequestException">arXiv answered with a 4xx other than 429.</exception>
    public async Task<Stream> GetAsync(Uri uri, CancellationToken cancellationToken)
    {
        // Held across retries too: while arXiv is failing, nobody else in the process should add to its load.
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var gap = _options.MinRequestInterval;
            for (var attempt = 1; ; attempt++)
            {
                await WaitForTurnAsync(gap, cancellationToken);
                var result = await SendOnceAsync(uri, cancellationToken);
                if (result.Body is { } body)
                {
                    return body;
                }

                if (!result.Transient)
                {
                    throw new ArxivRequestException($"GET {uri} was refused: {result.Reason}", result.Status ?? HttpStatusCode.BadRequest);
                }

                if (attempt > _options.MaxRetries)
                {
                    var attempts = attempt == 1 ? "1 attempt" : $"{attempt} attempts";
                    throw new ArxivUnavailableException($"GET {uri} failed after {attempts}: {result.Reason}");
                }

                if (result.RetryAfter > MaxRetryAfter)
                {
                    throw new ArxivUnavailableException(
                        $"GET {uri}: {result.Reason}, asking to retry after {result.RetryAfter}; this client waits at most {MaxRetryAfter}");
                }

                var delay = result.RetryAfter ?? Backoff(attempt);
                gap = delay > _options.MinRequestInterval ? delay : _options.MinRequestInterval;
                // Being told to wait is news for an operator; an unreachable network is summed up once by the caller.
                _logger.Log(result.Status is null ? LogLevel.Debug : LogLevel.Information,
                    "arXiv request {Url} failed ({Reason}); retry {Retry} of {MaxRetries} in {Delay}",
                    uri, result.Reason, attempt, _options.MaxRetries, gap);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _gate.Dispose();
    }

    // Counted from the end of the previous request rather than its start, so a slow response never lets the next
    // one arrive at arXiv sooner than the interval after the previous one did.
    private async Task WaitForTurnAsync(TimeSpan gap, CancellationToken cancellationToken)
    {
        if (_lastEnded is not { } last)
        {
            return;
        }

        // Timers may fire a millisecond early by the finer clock that measures the gap, so check again after each.
        for (var wait = gap - _clock.GetElapsedTime(last); wait > TimeSpan.Zero; wait = gap - _clock.GetElapsedTime(last))
        {
            await Task.Delay(wait < OneMillisecond ? OneMillisecond : wait, _clock, cancellationToken);
        }
    }

    private async Task<Attempt> SendOnceAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var status = response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                var body = new MemoryStream();
                await response.Content.CopyToAsync(body, linked.Token);
                body.Position = 0;
                return new Attempt(body, "", false, status, null);
            }

            var reason = $"HTTP {(int)status} {response.ReasonPhrase}".TrimEnd();
            var transient = status == HttpStatusCode.TooManyRequests || (int)status >= 500;
            return new Attempt(null, reason, transient, status, RetryAfter(response));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Attempt(null, $"no complete answer within {_options.RequestTimeout}", true, null, null);
        }
        catch (HttpRequestException ex)
        {
            return new Attempt(null, ex.Message, true, null, null);
        }
        catch (IOException ex)
        {
            return new Attempt(null, ex.Message, true, null, null);
        }
        finally
        {
            _lastEnded = _clock.GetTimestamp();
        }
    }

    // Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3).
    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - _clock.GetUtcNow() : null);
        return wait is { } w && w < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    // 1, 2, 4… times the request interval, plus up to half again at random so that restarted instances drift apart.
    private TimeSpan Backoff(int attempt)
    {
        var baseDelay = _options.MinRequestInterval > MinBackoff ? _options.MinRequestInterval : MinBackoff;
        var exponential = baseDelay * Math.Pow(2, Math.Min(attempt - 1, 16));
        var capped = exponential < MaxBackoff ? exponential : MaxBackoff;
        return capped * (1 + (Random.Shared.NextDouble() / 2));
    }

    private readonly record struct Attempt(Stream? Body, string Reason, bool Transient, HttpStatusCode? Status, TimeSpan? RetryAfter);
}
