using System.Net;
using DailyPapers.Tests.Support;

namespace DailyPapers.Tests.Web;

/// <summary>/search on real papers: words, the query language, named papers first, filters, sort and pages.</summary>
[Collection(SearchTestGroup.Name)]
public sealed class SearchPageTests(SearchCorpus corpus)
{
    private const string RptId = "2506.08007";
    private const string RptTitle = "Reinforcement Pre-Training";
    private const string ConfQaId = "2506.07309";

    private RunningApp App => corpus.App;

    [Fact]
    public async Task Words_find_the_paper_about_them_first_with_its_words_marked()
    {
        var html = await GetOkAsync("/search?q=reinforcement+pre-training+next-token+reasoning");
        var cards = SearchResultCard.ParseAll(html);

        Assert.Equal(RptId, cards[0].Id);
        Assert.Contains("<mark>Reinforcement</mark>", html, StringComparison.Ordinal);
        Assert.Matches(@"^<p class=""result-count"">[0-9,]+ results$", ResultCount(html));
    }

    [Theory]
    [InlineData(ConfQaId)]
    [InlineData("arXiv:2506.07309")]
    [InlineData("https://arxiv.org/abs/2506.07309v2")]
    [InlineData("https://huggingface.co/papers/2506.07309")]
    [InlineData("reinforcement learning 2506.07309")]
    public async Task An_arxiv_id_or_link_puts_that_paper_first(string query)
    {
        var cards = SearchResultCard.ParseAll(await GetOkAsync("/search?q=" + Uri.EscapeDataString(query)));

        Assert.Equal(ConfQaId, cards[0].Id);
    }

    [Fact]
    public async Task An_exact_title_puts_that_paper_first_even_when_its_words_are_common()
    {
        // Every word of this title is frequent in the corpus; only the whole title names one paper.
        const string title = "Through the Valley: Path to Effective Long CoT Training for Small Language Models";
        var cards = SearchResultCard.ParseAll(await GetOkAsync("/search?q=" + Uri.EscapeDataString(title.ToLowerInvariant())));

        Assert.Equal("2506.07712", cards[0].Id);
        Assert.True(cards.Count > 1);
    }

    [Fact]
    public async Task A_phrase_matches_fewer_papers_than_its_words()
    {
        var words = await GetOkAsync("/search?q=" + Uri.EscapeDataString("reinforcement pre-training"));
        var phrase = await GetOkAsync("/search?q=" + Uri.EscapeDataString($"\"{RptTitle}\""));

        Assert.Equal(RptId, SearchResultCard.ParseAll(phrase)[0].Id);
        Assert.True(Count(phrase) < Count(words), $"phrase {Count(phrase)}, words {Count(words)}");
    }

    [Fact]
    public async Task An_author_prefix_finds_the_authors_papers_only()
    {
        var cards = SearchResultCard.ParseAll(await GetOkAsync("/search?q=" + Uri.EscapeDataString("au:\"Furu Wei\"")));

        Assert.Contains(cards, c => c.Id == RptId);
        Assert.True(cards.Count < 10, $"{cards.Count} papers by Furu Wei");
    }

    [Fact]
    public async Task An_excluded_word_removes_the_papers_that_have_it()
    {
        var all = SearchResultCard.ParseAll(await GetOkAsync("/search?q=reinforcement+learning&sort=votes"));
        var without = SearchResultCard.ParseAll(await GetOkAsync("/search?q=reinforcement+learning+-pre-training&sort=votes"));

        Assert.Contains(all, c => c.Id == RptId);
        Assert.DoesNotContain(without, c => c.Id == RptId);
        Assert.NotEmpty(without);
    }

    [Fact]
    public async Task A_category_filter_keeps_only_papers_in_that_category()
    {
        var all = SearchResultCard.ParseAll(await GetOkAsync("/search?q=language+models&sort=newest"));
        var vision = SearchResultCard.ParseAll(await GetOkAsync("/search?q=language+models&cat=cs.CV&sort=newest"));

        Assert.Contains(all, c => !c.Categories.Contains("cs.CV"));
        Assert.NotEmpty(vision);
        Assert.All(vision, c => Assert.Contains("cs.CV", c.Categories));
    }

    [Theory]
    [InlineData("cat=cs.RO&cat=cs.HC")]
    [InlineData("cat=cs.RO,cs.HC")]
    [InlineData("cat=cs.RO+cs.HC")]
    public async Task Several_categories_repeated_or_in_one_list_match_any_of_them(string categories)
    {
        var cards = SearchResultCard.ParseAll(await GetOkAsync("/search?q=model&" + categories));

        Assert.NotEmpty(cards);
        Assert.All(cards, c => Assert.True(c.Categories.Contains("cs.RO") || c.Categories.Contains("cs.HC"), c.Id));
        Assert.Contains(cards, c => c.Categories.Contains("cs.RO"));
        Assert.Contains(cards, c => c.Categories.Contains("cs.HC"));
    }

    [Fact]
    public async Task A_date_range_keeps_only_papers_published_in_it()
    {
        var all = SearchResultCard.ParseAll(await GetOkAsync("/search?q=model"));
        var range = SearchResultCard.ParseAll(await GetOkAsync("/search?q=model&from=2025-06-09&to=2025-06-09"));

        Assert.Contains(all, c => c.Day != new DateOnly(2025, 6, 9));
        Assert.NotEmpty(range);
        Assert.All(range, c => Assert.Equal(new DateOnly(2025, 6, 9), c.Day));
    }

    [Fact]
    public async Task The_has_code_filter_keeps_only_papers_with_a_code_link()
    {
        var all = SearchResultCard.ParseAll(await GetOkAsync("/search?q=model&sort=votes"));
        var html = await GetOkAsync("/search?q=model&sort=votes&code=on");
        var withCode = SearchResultCard.ParseAll(html);

        Assert.Contains(all, c => !c.HasCode);
        Assert.NotEmpty(withCode);
        Assert.All(withCode, c => Assert.True(c.HasCode, c.Id));
        Assert.Contains("name=\"code\" checked=\"checked\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sorting_by_newest_and_by_votes_orders_the_results_so()
    {
        // Papers with code are Hugging Face's, published over several days.
        var newest = SearchResultCard.ParseAll(await GetOkAsync("/search?q=model&code=on&sort=newest"));
        var voted = SearchResultCard.ParseAll(await GetOkAsync("/search?q=model&sort=votes"));

        Assert.Equal(newest.OrderByDescending(c => c.Day).Select(c => c.Day), newest.Select(c => c.Day));
        Assert.NotEqual(newest[0].Day, newest[^1].Day);
        Assert.Equal(voted.OrderByDescending(c => c.Votes).Select(c => c.Votes), voted.Select(c => c.Votes));
        Assert.Equal(RptId, voted[0].Id);
    }

    [Fact]
    public async Task Filters_alone_list_the_papers_they_allow()
    {
        var cards = SearchResultCard.ParseAll(await GetOkAsync("/search?cat=cs.RO"));

        Assert.NotEmpty(cards);
        Assert.All(cards, c => Assert.Contains("cs.RO", c.Categories));
    }

    [Fact]
    public async Task An_impossible_date_range_gives_no_results_and_says_why()
    {
        var html = await GetOkAsync("/search?q=model&from=2025-06-10&to=2025-06-01");

        Assert.Empty(SearchResultCard.ParseAll(html));
        Assert.Contains("The start date 2025-06-10 is after the end date 2025-06-01: nothing can match.", html, StringComparison.Ordinal);
        Assert.Contains("class=\"empty-state no-results\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_category_that_cannot_exist_gives_no_results_and_says_why()
    {
        var html = await GetOkAsync("/search?q=model&cat=" + Uri.EscapeDataString("<b>cs"));

        Assert.Empty(SearchResultCard.ParseAll(html));
        Assert.Contains("&quot;&lt;b&gt;cs&quot; is not an arXiv category", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from=2025-13-01", "is not a start date")]
    [InlineData("to=yesterday", "is not an end date")]
    [InlineData("sort=best", "is not a way to sort")]
    [InlineData("p=0", "is not a page number")]
    [InlineData("p=abc", "is not a page number")]
    public async Task Malformed_parameters_answer_400_with_the_form_and_what_is_wrong(string parameter, string message)
    {
        var response = await App.Client.GetAsync("/search?q=model&" + parameter);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("class=\"search-page-form\"", html, StringComparison.Ordinal);
        Assert.Empty(SearchResultCard.ParseAll(html));
    }

    [Fact]
    public async Task Pages_follow_each_other_without_repeating_a_result()
    {
        var first = await GetOkAsync("/search?q=model");
        var second = await GetOkAsync("/search?q=model&p=2");
        var firstIds = SearchResultCard.ParseAll(first).Select(c => c.Id).ToList();
        var secondIds = SearchResultCard.ParseAll(second).Select(c => c.Id).ToList();

        Assert.Equal(20, firstIds.Count);
        Assert.NotEmpty(secondIds);
        Assert.Empty(firstIds.Intersect(secondIds));
        Assert.Contains("href=\"/search?q=model&amp;p=2\"", first, StringComparison.Ordinal);
        Assert.Contains("start=\"21\"", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_past_the_last_says_there_are_no_more_results()
    {
        var html = await GetOkAsync("/search?q=model&p=400");

        Assert.Empty(SearchResultCard.ParseAll(html));
        Assert.Contains("There are no more results.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_search_shows_the_form_and_the_syntax_without_results()
    {
        var html = await GetOkAsync("/search");

        Assert.Contains("class=\"search-page-form\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"search-help\"", html, StringComparison.Ordinal);
        Assert.Empty(SearchResultCard.ParseAll(html));
        Assert.Contains("<title>Search · DailyPapers</title>", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_match_shows_tips_and_a_way_out_of_the_filters()
    {
        var html = await GetOkAsync("/search?q=zzyzxquux&code=on");

        Assert.Contains("No papers found", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/search?q=zzyzxquux\"", html, StringComparison.Ordinal);
        Assert.Contains("au:hinton", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_title_and_both_search_boxes_show_the_query_encoded()
    {
        var html = await GetOkAsync("/search?q=" + Uri.EscapeDataString("<script>alert(1)</script> reward"));

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; reward &#x2013; Search", html, StringComparison.Ordinal);
        Assert.Contains("id=\"site-search\" type=\"search\" name=\"q\" value=\"&lt;script&gt;alert(1)&lt;/script&gt; reward\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"search-q\" type=\"search\" name=\"q\" value=\"&lt;script&gt;alert(1)&lt;/script&gt; reward\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_page_has_the_search_box()
    {
        foreach (var url in new[] { "/", "/papers/date/2025-06-10", $"/papers/{RptId}", "/papers/week/2025-W24" })
        {
            var html = await GetOkAsync(url);
            Assert.Contains("<form class=\"search-form\" method=\"get\" action=\"/search\" role=\"search\">", html, StringComparison.Ordinal);
            Assert.Contains("<label for=\"site-search\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_query_notice_is_shown_with_the_results()
    {
        var html = await GetOkAsync("/search?q=" + Uri.EscapeDataString("zz:reward \"reinforcement pre"));

        Assert.Contains("zz: is not a search prefix", html, StringComparison.Ordinal);
        Assert.Contains("A closing quote was missing", html, StringComparison.Ordinal);
        Assert.Equal(RptId, SearchResultCard.ParseAll(html)[0].Id);
    }

    private async Task<string> GetOkAsync(string url)
    {
        var response = await App.Client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} gave {(int)response.StatusCode}");
        return html;
    }

    private static string ResultCount(string html)
    {
        var start = html.IndexOf("<p class=\"result-count\">", StringComparison.Ordinal);
        Assert.True(start >= 0, "no result count");
        return html[start..html.IndexOf("</p>", start, StringComparison.Ordinal)];
    }

    private static int Count(string html)
    {
        var text = ResultCount(html);
        var digits = new string([.. text.SkipWhile(c => !char.IsDigit(c)).TakeWhile(c => char.IsDigit(c) || c == ',').Where(char.IsDigit)]);
        return int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
    }
}
