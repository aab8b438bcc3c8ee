using DailyPapers.Core.Listings;

namespace DailyPapers.Core.Tests.Listings;

public sealed class PaperCursorTests
{
    [Fact]
    public void A_cursor_comes_back_as_it_went_out_with_or_without_a_time()
    {
        var dated = new PaperCursor(new DateTime(2025, 6, 9, 17, 59, 53, 123, DateTimeKind.Utc).AddTicks(4567), "hep-th/9901001");
        var undated = new PaperCursor(null, "2506.01234");

        Assert.True(PaperCursor.TryDecode(dated.Encode(), out var datedBack));
        Assert.True(PaperCursor.TryDecode(undated.Encode(), out var undatedBack));

        Assert.Equal(dated, datedBack);
        Assert.Equal(undated, undatedBack);
        Assert.DoesNotContain('=', dated.Encode());
        Assert.DoesNotContain('/', dated.Encode());
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage!")]
    [InlineData("cDF8LXw")] // p1|-| : no id
    [InlineData("cDJ8LXwyNTA2LjAxMjM0")] // p2|-|2506.01234 : another version
    [InlineData("cDF8eHwyNTA2LjAxMjM0")] // p1|x|2506.01234 : not a time
    [InlineData("cDF8MzE1NTM3ODk3NjAwMDAwMDAwMHwy")] // p1|3155378976000000000|2 : one tick past the last time
    public void A_token_that_is_not_one_of_ours_is_refused(string token) =>
        Assert.False(PaperCursor.TryDecode(token, out _));
}
