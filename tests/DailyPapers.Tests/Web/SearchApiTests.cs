using System.Net;
using System.Text.Json;
using DailyPapers.Tests.Support;

namespace DailyPapers.Tests.Web;

/// <summary>GET /api/papers/search answers in Hugging Face's item shape, within its limits.</summary>
[Collection(SearchTestGroup.Name)]
public sealed class SearchApiTests(SearchCorpus corpus)
{
    private RunningApp App => corpus.App;

    [Fact]
    public async Task Results_come_in_hugging_faces_daily_item_shape_best_first()
    {
        using var json = JsonDocument.Parse(await App.Client.GetStringAsync("/api/papers/search?q=reinforcement+pre-training&limit=5"));
        var items = json.RootElement.EnumerateArray().ToList();
        var first = items[0];
        var paper = first.GetProperty("paper");

        Assert.InRange(items.Count, 2, 5);
        Assert.Equal("2506.08007", paper.GetProperty("id").GetString());
        Assert.Equal("Reinforcement Pre-Training", first.GetProperty("title").GetString());
        Assert.Equal(paper.GetProperty("summary").GetString(), first.GetProperty("summary").GetString());
        Assert.Equal(97, paper.GetProperty("upvotes").GetInt32());
        Assert.Equal("Qingxiu Dong", paper.GetProperty("authors")[0].GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.String, first.GetProperty("publishedAt").ValueKind);
        Assert.Equal(JsonValueKind.Number, first.GetProperty("numComments").ValueKind);
        Assert.EndsWith(".png", first.GetProperty("thumbnail").GetString(), StringComparison.Ordinal);
        Assert.False(first.GetProperty("isAuthorParticipating").GetBoolean());
    }

    [Fact]
    public async Task An_author_search_returns_only_that_authors_papers()
    {
        using var json = JsonDocument.Parse(await App.Client.GetStringAsync("/api/papers/search?q=" + Uri.EscapeDataString("au:\"Furu Wei\"")));
        var items = json.RootElement.EnumerateArray().ToList();

        Assert.NotEmpty(items);
        Assert.All(items, item => Assert.Contains(
            item.GetProperty("paper").GetProperty("authors").EnumerateArray(), a => a.GetProperty("name").GetString() == "Furu Wei"));
    }

    [Theory]
    [InlineData("", 20)]
    [InlineData("&limit=3", 3)]
    [InlineData("&limit=100", 100)]
    public async Task The_limit_defaults_to_20_and_goes_up_to_100(string limit, int expected)
    {
        using var json = JsonDocument.Parse(await App.Client.GetStringAsync("/api/papers/search?q=model" + limit));

        Assert.Equal(expected, json.RootElement.GetArrayLength());
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=121")]
    [InlineData("limit=-5")]
    [InlineData("limit=ten")]
    [InlineData("limit=99999999999999999999")]
    public async Task A_bad_limit_is_a_400_with_a_message(string limit)
    {
        var response = await App.Client.GetAsync("/api/papers/search?q=model&" + limit);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("limit", json.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/papers/search")]
    [InlineData("/api/papers/search?q=")]
    [InlineData("/api/papers/search?q=%20%20")]
    [InlineData("/api/papers/search?q=(((")]
    public async Task An_empty_query_is_an_empty_array(string url)
    {
        var response = await App.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("[]", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_arxiv_id_looks_like_a_paper_id_but_search_is_not_taken_for_one()
    {
        using var search = JsonDocument.Parse(await App.Client.GetStringAsync("/api/papers/search?q=2506.07309"));
        using var paper = JsonDocument.Parse(await App.Client.GetStringAsync("/api/papers/2506.07309"));

        Assert.Equal(JsonValueKind.Array, search.RootElement.ValueKind);
        Assert.Equal("2506.07309", search.RootElement[0].GetProperty("paper").GetProperty("id").GetString());
        Assert.Equal("2506.07309", paper.RootElement.GetProperty("id").GetString());
    }
}
