using DailyPapers.Infrastructure.Search.Embeddings;
using Microsoft.Extensions.Time.Testing;

namespace DailyPapers.Tests.Search.Embeddings;

public sealed class EmbeddingWindowTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 12, 7, 21, 30, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Empty_means_every_paper(string? since)
    {
        var window = EmbeddingWindow.Parse(since, Clock);

        Assert.True(window.IsAll);
        Assert.Null(window.Cutoff());
    }

    [Theory]
    [InlineData("2023-01-01", "2023-01-01")]
    [InlineData("P3Y", "2023-12-07")]
    [InlineData("p18m", "2025-06-07")]
    [InlineData("P6W", "2026-10-26")]
    [InlineData("P90D", "2026-09-08")]
    [InlineData("P1Y6M", "2025-06-07")]
    public void A_date_is_fixed_and_a_period_counts_back_from_today(string since, string cutoff)
    {
        var window = EmbeddingWindow.Parse(since, Clock);

        Assert.Equal(DateTime.Parse(cutoff, System.Globalization.CultureInfo.InvariantCulture), window.Cutoff());
        Assert.Equal(DateTimeKind.Utc, window.Cutoff()!.Value.Kind);
    }

    [Fact]
    public void A_period_moves_with_the_calendar()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 23, 0, 0, TimeSpan.Zero));
        var window = EmbeddingWindow.Parse("P1Y", clock);
        var before = window.Cutoff();

        clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(new DateTime(2025, 12, 7), before);
        Assert.Equal(new DateTime(2025, 12, 8), window.Cutoff());
    }

    [Theory]
    [InlineData("3 years")]
    [InlineData("P")]
    [InlineData("P3")]
    [InlineData("PT3H")]
    [InlineData("2023-13-01")]
    [InlineData("01/02/2023")]
    [InlineData("P500Y")]
    public void Anything_else_is_refused_at_start_naming_the_key_and_the_forms(string since)
    {
        var result = new EmbeddingOptionsValidator().Validate(null, new EmbeddingOptions { Since = since });

        Assert.True(result.Failed);
        Assert.Contains($"Search:Embeddings:Since is '{since}'", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("P3Y", result.FailureMessage, StringComparison.Ordinal);
    }
}
