using DailyPapers.Core.Digests;

namespace DailyPapers.Core.Tests.Digests;

/// <summary>Digests as the jobs will build them, for the composer's tests.</summary>
internal static class DigestSamples
{
    public const string Xss = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>";

    public static readonly DigestLinks Links = new(
        new Uri("https://papers.example.org/"),
        new Uri("https://papers.example.org/subscriptions/manage?token=abc&x=1"),
        new Uri("https://papers.example.org/subscriptions/unsubscribe?token=abc"));

    public static DigestPaper Paper(string id = "2506.01234", string title = "Attention Is All You Need") => new(
        id,
        title,
        ["Ashish Vaswani", "Noam Shazeer", "Niki Parmar", "Jakob Uszkoreit"],
        "The dominant sequence transduction models are based on complex recurrent or convolutional neural networks.",
        Votes: 42,
        Comments: 7,
        GithubRepo: "https://github.com/tensorflow/tensor2tensor");

    public static DigestContent Daily(params DigestPaper[] papers) =>
        new(DigestKind.Daily, "Trending papers · Tuesday, June 10, 2025", papers.Length == 0 ? [Paper()] : papers);
}
