namespace DailyPapers.Feeds;

/// <summary>
/// When this process first saw the content it serves now (the store's change counter and the search index's
/// position, as one key): the <c>Last-Modified</c> of feeds. It moves forward whenever the content may have changed —
/// a paper crossing a feed's vote threshold changes no paper's dates — so a reader that sends only
/// <c>If-Modified-Since</c> is never told "not modified" about a feed that changed. A restart, or another node, only
/// costs such a reader one full answer; the <c>ETag</c>, a hash of the feed itself, is exact.
/// </summary>
public sealed class ContentClock(TimeProvider clock)
{
    private readonly Lock _gate = new();
    private string? _key;
    private DateTimeOffset _seenAt;

    public DateTimeOffset SeenAt(string key)
    {
        lock (_gate)
        {
            if (key == _key)
            {
                return _seenAt;
            }

            // Whole seconds, as HTTP dates are; strictly later than the last, so two changes within a second differ.
            var now = clock.GetUtcNow();
            var at = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
            if (_key is not null && at <= _seenAt)
            {
                at = _seenAt.AddSeconds(1);
            }

            (_key, _seenAt) = (key, at);
            return at;
        }
    }
}
