using System.Net;
using DailyPapers.Api;
using DailyPapers.Tests.Support;
using Microsoft.Extensions.Logging;

namespace DailyPapers.Tests.Web;

/// <summary>
/// The hostile queries of the acceptance check bad-queries (in the shared folder) on every search endpoint: a
/// result or a clear message, never a 5xx and never an error in the log.
/// </summary>
[Collection(SearchTestGroup.Name)]
public sealed class SearchBadInputTests(SearchCorpus corpus)
{
    public static TheoryData<string> BadQueries => new()
    {
        "", "   ", "\"unbalanced", "(((", "+-&&||!(){}[]^\"~*?:\\/", "au:", "ti:\"", "zz:foo", "the of and", "注意力机制",
        "a AND OR NOT", "*", "?", "\\", "%00", "\0", "'; drop table papers; --", "cat:", "cat:!!",
        "-", "--", "-\"\"", "\"\"", "au:\"\"", "ti:-", "https://arxiv.org/abs/", "9999.99999", "<script>x</script>",
        string.Concat(Enumerable.Repeat("attention ", 500)), string.Concat(Enumerable.Repeat("\"a ", 300)),
    };

    private RunningApp App => corpus.App;

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task A_hostile_query_gets_an_answer_on_every_endpoint_and_logs_no_error(string query)
    {
        foreach (var path in new[] { "/search", "/api/papers/search", "/papers/date/2025-06-10", "/papers/week/2025-W24" })
        {
            var response = await App.Client.GetAsync($"{path}?q={Uri.EscapeDataString(query)}");
            var body = await response.Content.ReadAsStringAsync();

            // The API keeps Hugging Face's bound on q (a 400 that says so); pages search part of a longer text.
            var tooLong = path.StartsWith("/api", StringComparison.Ordinal) && query.Length > PaperSearchApi.MaxQueryLength;
            Assert.Equal(tooLong ? HttpStatusCode.BadRequest : HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("<script>x", body, StringComparison.Ordinal);
            if (!path.StartsWith("/api", StringComparison.Ordinal))
            {
                Assert.Contains("</html>", body, StringComparison.Ordinal);
            }
        }

        Assert.DoesNotContain(corpus.Logs.Entries, e => e.Level >= LogLevel.Error || e.Exception is not null);
    }

    [Theory]
    [InlineData("/search?q=%ED%A0%80%FF%FE")]
    [InlineData("/api/papers/search?q=%ED%A0%80%FF%FE")]
    [InlineData("/search?q=%")]
    [InlineData("/search?q=a&q=b&q=")]
    [InlineData("/search?cat=%ED%A0%80")]
    public async Task Bytes_that_are_not_utf8_or_repeated_parameters_are_searched_as_text(string url)
    {
        var response = await App.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_query_of_only_syntax_says_there_is_nothing_to_search_and_lists_nothing()
    {
        var html = await App.Client.GetStringAsync("/search?q=" + Uri.EscapeDataString("+-&&||!(){}[]^\"~*?:\\/"));

        Assert.Contains("There is nothing to search for", html, StringComparison.Ordinal);
        Assert.Empty(SearchResultCard.ParseAll(html));
    }

    [Fact]
    public async Task A_query_of_only_stop_words_is_looked_for_in_titles_and_says_so()
    {
        var html = await App.Client.GetStringAsync("/search?q=the+of+and");

        Assert.Contains("Only very common words were typed", html, StringComparison.Ordinal);
        Assert.NotEmpty(SearchResultCard.ParseAll(html));
    }

    [Fact]
    public async Task A_long_query_is_searched_in_part_and_says_so()
    {
        var query = string.Concat(Enumerable.Repeat("reinforcement ", 400));
        var html = await App.Client.GetStringAsync("/search?q=" + Uri.EscapeDataString(query));

        Assert.Contains("The query was too long", html, StringComparison.Ordinal);
        Assert.NotEmpty(SearchResultCard.ParseAll(html));
    }

    [Fact]
    public async Task A_ten_thousand_character_query_is_searched_in_part_and_says_so()
    {
        // 14 KB of URL: more than Kestrel's default request line, which the app raises for queries pasted whole.
        var response = await App.Client.GetAsync("/search?q=" + Uri.EscapeDataString(string.Concat(Enumerable.Repeat("attention ", 1200))));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The query was too long", html, StringComparison.Ordinal);
    }
}
