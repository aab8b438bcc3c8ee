using Microsoft.Extensions.Caching.Memory;

namespace DailyPapers.Infrastructure.Discussion;

/// <summary>
/// Comment HTML, rendered once per distinct text and kept (up to about 32 MB of text): a discussion is rendered for
/// every signed-in view, and a hostile 10,000-character comment can take Markdig ~0.4 s, which must not be paid per view.
/// </summary>
public sealed class RenderedComments(CommentMarkdown markdown) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 16 * 1024 * 1024 });

    public string ToHtml(string body) =>
        _cache.GetOrCreate(body, entry =>
        {
            var html = markdown.ToHtml(body);
            // Size in chars of both strings, as a stand-in for bytes / 2.
            entry.Size = body.Length + html.Length;
            return html;
        })!;

    public void Dispose() => _cache.Dispose();
}
