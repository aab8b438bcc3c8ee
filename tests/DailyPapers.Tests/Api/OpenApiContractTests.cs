using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using DailyPapers.Api;
using DailyPapers.Infrastructure.Accounts;
using DailyPapers.Tests.Feeds;
using DailyPapers.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DailyPapers.Tests.Api;

/// <summary>
/// The OpenAPI document at /openapi/v1.json against the running app: every endpoint it maps is in the document
/// with its methods, and what the endpoints answer on the fixture data (the arXiv cut and every Hugging Face day),
/// errors and writes included, matches the documented schema of its status and media type, field by field.
/// </summary>
public sealed class OpenApiContractTests(FeedSite site) : IClassFixture<FeedSite>
{
    /// <summary>A paper of the Hugging Face days (recorded item) that arXiv's cut also has.</summary>
    private const string HfPaper = "2506.08007";

    [Fact]
    public async Task Every_endpoint_the_app_maps_is_in_the_document_with_its_methods()
    {
        using var document = await DocumentAsync();
        var paths = document.RootElement.GetProperty("paths");
        var endpoints = site.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            // Minimal-API endpoints (Razor Pages are HTML) except the document and the reference page themselves,
            // and the files for crawlers (robots.txt, the sitemaps), which are the site's, not the API's.
            .Where(e => e.Metadata.GetMetadata<MethodInfo>() is not null)
            .Where(e => !Path(e).StartsWith(OpenApiDocs.ReferencePath, StringComparison.Ordinal) && !Path(e).StartsWith("/openapi/", StringComparison.Ordinal))
            .Where(e => Path(e) is not ("/robots.txt" or "/sitemap.xml") && !Path(e).StartsWith("/sitemaps/", StringComparison.Ordinal))
            .ToList();

        List<string> missing = [];
        foreach (var endpoint in endpoints)
        {
            // HEAD is GET's twin on the feeds, said in their tag rather than listed twice.
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Where(m => !HttpMethods.IsHead(m)))
            {
                if (!paths.TryGetProperty(Path(endpoint), out var item) || !item.TryGetProperty(method.ToLowerInvariant(), out _))
                {
                    missing.Add($"{method} {Path(endpoint)} (route {endpoint.RoutePattern.RawText})");
                }
            }
        }

        Assert.True(endpoints.Count(e => Path(e).StartsWith("/api/", StringComparison.Ordinal)) >= 15, "The app's /api endpoints were not found.");
        Assert.True(missing.Count == 0, "Endpoints missing from the document:\n" + string.Join("\n", missing));
    }

    [Fact]
    public async Task Every_operation_has_a_unique_id_a_summary_and_a_documented_success()
    {
        using var document = await DocumentAsync();
        List<string> problems = [];
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, operation) in Operations(document))
        {
            if (!operation.TryGetProperty("operationId", out var id) || !ids.Add(id.GetString()!))
            {
                problems.Add($"{name}: no operationId, or one another operation has");
            }

            if (!operation.TryGetProperty("summary", out _))
            {
                problems.Add($"{name}: no summary");
            }

            if (!operation.GetProperty("responses").EnumerateObject().Any(r => r.Name.StartsWith('2')))
            {
                problems.Add($"{name}: no success response");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Operations_that_need_a_token_carry_the_Bearer_requirement_and_401_and_reads_need_none()
    {
        using var document = await DocumentAsync();
        var scheme = document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty(OpenApiDocs.BearerScheme);
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());

        List<string> problems = [];
        foreach (var endpoint in site.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<MethodInfo>() is not null && Path(e).StartsWith("/api/", StringComparison.Ordinal) && !Path(e).StartsWith(OpenApiDocs.ReferencePath, StringComparison.Ordinal)))
        {
            var needsToken = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.AuthenticationSchemes == OpenApiDocs.BearerScheme);
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods)
            {
                var operation = document.RootElement.GetProperty("paths").GetProperty(Path(endpoint)).GetProperty(method.ToLowerInvariant());
                var secured = operation.TryGetProperty("security", out var security)
                    && security.EnumerateArray().Any(r => r.TryGetProperty(OpenApiDocs.BearerScheme, out _));
                if (secured != needsToken || needsToken != operation.GetProperty("responses").TryGetProperty("401", out _))
                {
                    problems.Add($"{method} {Path(endpoint)}: needs a token: {needsToken}; documented with Bearer: {secured}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData("/api/daily_papers", "/api/daily_papers")]
    [InlineData("/api/daily_papers?week=2025-W24&limit=100", "/api/daily_papers")]
    [InlineData("/api/daily_papers?month=2025-06&sort=trending&limit=100", "/api/daily_papers")]
    [InlineData("/api/daily_papers?sort=trending&window=month", "/api/daily_papers")]
    [InlineData("/api/daily_papers?from=2024-05-01&to=2025-04-30&sort=publishedAt&limit=100", "/api/daily_papers")]
    [InlineData("/api/daily_papers?date=2025-06-12&cat=cs.CL,cs.LG&min_votes=1", "/api/daily_papers")]
    [InlineData("/api/papers/search?q=diffusion&limit=120", "/api/papers/search")]
    [InlineData("/api/papers/search?q=au:%22Li%20Dong%22", "/api/papers/search")]
    [InlineData("/api/papers/search?q=", "/api/papers/search")]
    [InlineData("/api/papers/" + HfPaper, "/api/papers/{id}")]
    [InlineData("/api/papers/" + HfPaper + "v1", "/api/papers/{id}")]
    [InlineData("/api/papers/" + HfPaper + "/similar?limit=50", "/api/papers/{id}/similar")]
    [InlineData("/api/papers/" + HfPaper + "/comments", "/api/papers/{id}/comments")]
    public async Task A_read_on_fixture_data_matches_its_documented_schema(string url, string path)
    {
        using var document = await DocumentAsync();
        using var response = await site.App.Client.GetAsync(url);

        await AssertDocumentedAsync(document, "get", path, response, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Every_recorded_Hugging_Face_day_matches_the_item_schema()
    {
        using var document = await DocumentAsync();
        var days = Directory.GetFiles(HfDaysFixture.Folder, "*.json").Select(System.IO.Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();

        foreach (var day in days)
        {
            using var response = await site.App.Client.GetAsync($"/api/daily_papers?date={day}&limit=100");
            await AssertDocumentedAsync(document, "get", "/api/daily_papers", response, HttpStatusCode.OK, minItems: 1);
        }
    }

    [Fact]
    public async Task Every_page_of_all_papers_and_every_fifth_paper_match_their_schemas()
    {
        using var document = await DocumentAsync();
        List<string> ids = [];
        var next = "/api/papers?limit=100";
        while (next is not null)
        {
            using var response = await site.App.Client.GetAsync(next);
            var page = await AssertDocumentedAsync(document, "get", "/api/papers", response, HttpStatusCode.OK, minItems: 1);
            ids.AddRange(page.RootElement.EnumerateArray().Select(p => p.GetProperty("id").GetString()!));
            next = response.Headers.TryGetValues("Link", out var links) ? links.Single().Split('<', '>')[1] : null;
        }

        Assert.True(ids.Count > 2000, $"Only {ids.Count} papers were walked.");
        foreach (var id in ids.Where((_, i) => i % 5 == 0))
        {
            using var response = await site.App.Client.GetAsync($"/api/papers/{id}");
            (await AssertDocumentedAsync(document, "get", "/api/papers/{id}", response, HttpStatusCode.OK)).Dispose();
        }
    }

    [Theory]
    [InlineData("/api/daily_papers?date=2025-13-45", "/api/daily_papers", 400)]
    [InlineData("/api/daily_papers?limit=0", "/api/daily_papers", 400)]
    [InlineData("/api/daily_papers?sort=random", "/api/daily_papers", 400)]
    [InlineData("/api/papers?cursor=not-one-of-ours", "/api/papers", 400)]
    [InlineData("/api/papers/search?limit=1000&q=x", "/api/papers/search", 400)]
    [InlineData("/api/papers/not-an-id", "/api/papers/{id}", 400)]
    [InlineData("/api/papers/2506.99999", "/api/papers/{id}", 404)]
    [InlineData("/api/papers/2506.99999/similar", "/api/papers/{id}/similar", 404)]
    [InlineData("/api/papers/" + HfPaper + "/similar?limit=0", "/api/papers/{id}/similar", 400)]
    [InlineData("/api/papers/2506.99999/comments", "/api/papers/{id}/comments", 404)]
    [InlineData("/api/whoami", "/api/whoami", 401)]
    public async Task An_error_is_a_documented_problem(string url, string path, int status)
    {
        using var document = await DocumentAsync();
        using var response = await site.App.Client.GetAsync(url);

        using var problem = await AssertDocumentedAsync(document, "get", path, response, (HttpStatusCode)status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(problem.RootElement.GetProperty("detail").GetString(), problem.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Writes_with_a_token_answer_as_documented()
    {
        using var document = await DocumentAsync();
        var ada = await TokenAsync("ada@example.org");
        var bob = await TokenAsync("bob@example.org");

        (await WriteAsync(document, HttpMethod.Get, "/api/whoami", "/api/whoami", ada, null, HttpStatusCode.OK)).Dispose();
        (await WriteAsync(document, HttpMethod.Post, $"/api/papers/{HfPaper}/upvote", "/api/papers/{id}/upvote", ada, null, HttpStatusCode.OK)).Dispose();
        (await WriteAsync(document, HttpMethod.Delete, $"/api/papers/{HfPaper}/upvote", "/api/papers/{id}/upvote", ada, null, HttpStatusCode.OK)).Dispose();
        (await WriteAsync(document, HttpMethod.Post, "/api/papers/2506.99999/upvote", "/api/papers/{id}/upvote", ada, null, HttpStatusCode.NotFound)).Dispose();

        using var first = await WriteAsync(document, HttpMethod.Post, $"/api/papers/{HfPaper}/comments", "/api/papers/{id}/comments", ada,
            new { body = "Does **RPT** need a verifier? $x^2$" }, HttpStatusCode.Created);
        var id = first.RootElement.GetProperty("id").GetInt64();
        using var reply = await WriteAsync(document, HttpMethod.Post, $"/api/papers/{HfPaper}/comments", "/api/papers/{id}/comments", bob,
            new { body = "No: the next token is the reward.", parentId = id }, HttpStatusCode.Created);
        (await WriteAsync(document, HttpMethod.Post, $"/api/papers/{HfPaper}/comments", "/api/papers/{id}/comments", ada, new { body = "" }, HttpStatusCode.BadRequest)).Dispose();
        (await WriteAsync(document, HttpMethod.Patch, $"/api/comments/{id}", "/api/comments/{commentId}", ada, new { body = "Edited." }, HttpStatusCode.OK)).Dispose();
        (await WriteAsync(document, HttpMethod.Put, $"/api/comments/{id}", "/api/comments/{commentId}", ada, new { body = "Edited again." }, HttpStatusCode.OK)).Dispose();
        (await WriteAsync(document, HttpMethod.Patch, $"/api/comments/{id}", "/api/comments/{commentId}", bob, new { body = "Not mine." }, HttpStatusCode.Forbidden)).Dispose();
        (await WriteAsync(document, HttpMethod.Delete, $"/api/comments/{id}", "/api/comments/{commentId}", ada, null, HttpStatusCode.NoContent)).Dispose();
        (await WriteAsync(document, HttpMethod.Delete, "/api/comments/999999", "/api/comments/{commentId}", ada, null, HttpStatusCode.NotFound)).Dispose();

        // The discussion now has an edited-then-deleted comment (no text, no author) and a reply to it.
        using var list = await site.App.Client.GetAsync($"/api/papers/{HfPaper}/comments");
        using var comments = await AssertDocumentedAsync(document, "get", "/api/papers/{id}/comments", list, HttpStatusCode.OK, minItems: 2);

        (await WriteAsync(document, HttpMethod.Post, "/api/papers/submit", "/api/papers/submit", ada, new { }, HttpStatusCode.BadRequest)).Dispose();
        (await WriteAsync(document, HttpMethod.Post, "/api/papers/submit", "/api/papers/submit", ada, new { id = "not an id" }, HttpStatusCode.BadRequest)).Dispose();
        // A stored paper (so arXiv is not asked): accepted or refused, the answer is one the document lists.
        using var submitted = await SendAsync(HttpMethod.Post, "/api/papers/submit", ada, new { id = HfPaper, comment = "Worth reading." });
        (await AssertDocumentedAsync(document, "post", "/api/papers/submit", submitted, submitted.StatusCode)).Dispose();
    }

    [Fact]
    public async Task The_examples_in_the_document_match_their_own_schemas()
    {
        using var document = await DocumentAsync();
        var check = new OpenApiSchemaCheck(document.RootElement);
        List<string> problems = [];
        var examples = 0;
        foreach (var (name, operation) in Operations(document))
        {
            foreach (var response in operation.GetProperty("responses").EnumerateObject())
            {
                if (!response.Value.TryGetProperty("content", out var content))
                {
                    continue;
                }

                foreach (var media in content.EnumerateObject())
                {
                    if (media.Value.TryGetProperty("example", out var example))
                    {
                        examples++;
                        problems.AddRange(check.Errors(example, media.Value.GetProperty("schema")).Select(e => $"{name} {response.Name} example: {e}"));
                    }
                }
            }

            foreach (var parameter in operation.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateArray().ToList() : [])
            {
                if (parameter.TryGetProperty("example", out var example))
                {
                    problems.AddRange(check.Errors(example, parameter.GetProperty("schema")).Select(e => $"{name} parameter {parameter.GetProperty("name")}: {e}"));
                }
            }
        }

        Assert.True(examples >= 3, $"Only {examples} response examples.");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>
    /// The response is documented for its method, path, status and media type, and its body matches that schema;
    /// the parsed body, for more checks.
    /// </summary>
    private static async Task<JsonDocument> AssertDocumentedAsync(
        JsonDocument document, string method, string path, HttpResponseMessage response, HttpStatusCode expected, int minItems = 0)
    {
        var request = $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri!.PathAndQuery}";
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{request}: {(int)response.StatusCode}, not {(int)expected}: {body}");
        if (!document.RootElement.GetProperty("paths").TryGetProperty(path, out var item) || !item.TryGetProperty(method, out var operation))
        {
            throw new Xunit.Sdk.XunitException($"{request}: {method.ToUpperInvariant()} {path} is not in the document.");
        }

        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(operation.GetProperty("responses").TryGetProperty(status, out var documented), $"{request}: answered {status}, which {path} does not document.");
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            Assert.Equal("", body);
            return JsonDocument.Parse("null");
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        if (!documented.TryGetProperty("content", out var content) || !content.TryGetProperty(mediaType, out var media))
        {
            throw new Xunit.Sdk.XunitException($"{request}: answered {status} as {mediaType}, which {path} does not document.");
        }

        var json = JsonDocument.Parse(body);
        var errors = new OpenApiSchemaCheck(document.RootElement).Errors(json.RootElement, media.GetProperty("schema"));
        Assert.True(errors.Count == 0, $"{request} → {status} differs from the documented schema:\n" + string.Join("\n", errors.Take(30)));
        if (minItems > 0)
        {
            Assert.True(json.RootElement.GetArrayLength() >= minItems, $"{request}: fewer than {minItems} items, so too little was checked.");
        }

        return json;
    }

    private async Task<JsonDocument> WriteAsync(
        JsonDocument document, HttpMethod method, string url, string path, string token, object? json, HttpStatusCode expected)
    {
        using var response = await SendAsync(method, url, token, json);
        return await AssertDocumentedAsync(document, method.Method.ToLowerInvariant(), path, response, expected);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string token, object? json)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (json is not null)
        {
            request.Content = JsonContent.Create(json);
        }

        return await site.App.Client.SendAsync(request);
    }

    private async Task<string> TokenAsync(string email)
    {
        using var scope = site.App.Services.CreateScope();
        var (account, result) = await scope.ServiceProvider.GetRequiredService<AccountCreator>().CreateAsync(email, "correct horse battery", CancellationToken.None);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return await scope.ServiceProvider.GetRequiredService<AccessTokens>().CreateAsync(account.Id, "contract test", CancellationToken.None);
    }

    private async Task<JsonDocument> DocumentAsync()
    {
        using var response = await site.App.Client.GetAsync(OpenApiDocs.DocumentPath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("3.1", document.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        return document;
    }

    private static IEnumerable<(string Name, JsonElement Operation)> Operations(JsonDocument document) =>
        document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(o => o.Name != "parameters").Select(o => ($"{o.Name.ToUpperInvariant()} {path.Name}", o.Value)));

    /// <summary>The route as the document writes a path: parameters by name, without constraints or catch-all stars.</summary>
    private static string Path(RouteEndpoint endpoint) =>
        "/" + string.Join("/", endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => $"{{{parameter.Name}}}",
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart separator => separator.Content,
            _ => throw new InvalidOperationException($"A route part of {endpoint.RoutePattern.RawText} this test cannot write."),
        }))));
}
