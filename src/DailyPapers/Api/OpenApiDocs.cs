using System.Text.RegularExpressions;
using DailyPapers.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace DailyPapers.Api;

/// <summary>
/// The API's OpenAPI 3.1 document at <c>/openapi/v1.json</c>, made from the endpoints' own metadata (names, typed
/// responses, problems, query parameters, examples), and the interactive reference (Scalar) at <c>/api/docs/</c>,
/// whose scripts the app serves itself from the package.
/// </summary>
public static partial class OpenApiDocs
{
    public const string DocumentName = "v1";

    public const string DocumentPath = "/openapi/v1.json";

    /// <summary>Under <c>/api</c>, where a reader of the API looks; its own path, not the vendor's (<c>/scalar</c>).</summary>
    public const string ReferencePath = "/api/docs";

    public const string BearerScheme = AccessTokenAuthentication.SchemeName;

    public const string PapersTag = "Papers";
    public const string CommunityTag = "Community";
    public const string SubmissionsTag = "Submissions";
    public const string AccountTag = "Account";
    public const string PaperFilesTag = "Paper files";
    public const string FeedsTag = "Feeds";

    private const string Description = """
        The JSON API of a DailyPapers site. Its reads speak Hugging Face's Daily Papers API: the same paths
        (`/api/daily_papers`, `/api/papers/{id}`, `/api/papers/search`), parameters and JSON shapes, with every
        timestamp written as Hugging Face writes it (`2025-06-09T17:59:53.000Z`), so `huggingface_hub`'s
        `HfApi(endpoint="https://this-site", token=False)` reads it unchanged. A paper imported from Hugging Face
        answers with their item as recorded (more fields than a paper from arXiv has), with votes and comments
        counted here and its arXiv `categories` added.

        Reads need no account and answer any origin (CORS). Writes (votes, comments, submissions) need a personal
        access token, made on `/account` or with `dailypapers user token EMAIL`, sent as `Authorization: Bearer dp_…`.
        Errors are RFC 9457 problem documents that repeat their message as `error`, the member Hugging Face's
        client prints. Feeds (RSS, Atom, JSON Feed) and the paper's Markdown, BibTeX and RIS are listed too.
        """;

    private static readonly (string Name, string Description)[] Tags =
    [
        (PapersTag, "Daily lists, papers, search and similar papers, in Hugging Face's JSON shapes."),
        (CommunityTag, "Votes and discussions. Writes need a personal access token."),
        (SubmissionsTag, "Submitting a paper to the curated daily list. Needs a personal access token."),
        (AccountTag, "Checking a personal access token."),
        (PaperFilesTag, "A paper as Markdown (Hugging Face's read_paper), BibTeX (as arXiv exports it) and RIS."),
        (FeedsTag, "Every list as RSS 2.0, Atom 1.0 or JSON Feed 1.1, chosen by the extension. HEAD works as GET does."),
    ];

    public static IServiceCollection AddApiReference(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            // The feeds answer HEAD as GET (for conditional requests): one operation each, said in the tag.
            options.ShouldInclude = description => !HttpMethods.IsHead(description.HttpMethod ?? "");
            options.AddSchemaTransformer<ApiSchemaTransformer>();
            options.AddOperationTransformer(DescribeOperationAsync);
            options.AddDocumentTransformer(DescribeDocumentAsync);
        });

    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder app)
    {
        // Readable from any origin, as the API is: client generators and editors elsewhere fetch it.
        app.MapOpenApi("/openapi/{documentName}.json").RequireCors(DailyPapersApi.ReadFromAnyOrigin);
        app.MapScalarApiReference(ReferencePath, options =>
        {
            options.WithTitle("DailyPapers API reference")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .WithFavicon("/favicon.svg")
                // Nothing from elsewhere: no fonts from Scalar's CDN, no telemetry, no AI chat or MCP calling home
                // (the CSP would block them anyway, with an error in the console for each).
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                .HideDeveloperTools()
                .AddPreferredSecuritySchemes([BearerScheme])
                // A fresh nonce for its one inline script; SecurityHeadersMiddleware allows it on this page only.
                .WithNonce();
        });
        return app;
    }

    private static Task DescribeDocumentAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "DailyPapers",
            Version = DocumentName,
            Description = Description,
        };
        // Relative: right behind a proxy that ends TLS, and wherever the site is served from.
        document.Servers = [new OpenApiServer { Url = "/", Description = "This site" }];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "dp_…",
            Description = "A personal access token (`dp_` and 64 hex digits), made on /account or with `dailypapers user token EMAIL`. " +
                "Sign-in cookies do not count in the API: only a token, which a forged cross-site request cannot carry.",
        };
        document.Tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));
        HfRecordedFields.AddTo(document);
        return Task.CompletedTask;
    }

    /// <summary>
    /// What every operation gets from its endpoint's metadata, so it cannot be forgotten one by one: a unique
    /// operation id, the Bearer requirement and 401 where a token is required, 429 where writes are rate-limited,
    /// and the path parameters explained.
    /// </summary>
    private static Task DescribeOperationAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var method = context.Description.HttpMethod ?? "GET";
        // One endpoint may take several methods (PATCH and PUT edit a comment): each operation id must be unique.
        var methods = metadata.OfType<IHttpMethodMetadata>().LastOrDefault()?.HttpMethods ?? [];
        if (operation.OperationId is { } id && methods.Count > 1 && !string.Equals(methods[0], method, StringComparison.OrdinalIgnoreCase))
        {
            operation.OperationId = id + char.ToUpperInvariant(method[0]) + method[1..].ToLowerInvariant();
        }

        operation.Responses ??= [];
        if (metadata.OfType<IAuthorizeData>().Any(a => a.AuthenticationSchemes?.Split(',').Contains(BearerScheme) == true))
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
            operation.Responses.TryAdd("401", Problem(context, "No token, or one that is unknown, revoked or of a suspended account."));
        }

        if (metadata.OfType<RateLimitedAttribute>().Any())
        {
            operation.Responses.TryAdd("429", Problem(context, "Too many writes of this kind in a minute, from this reader or this address; see Retry-After."));
        }

        // Most handlers read the paper's id from the route values themselves (one code path for both id routes), so
        // the generator lists no parameter for it.
        operation.Parameters ??= [];
        foreach (var name in RouteParameter().Matches(context.Description.RelativePath ?? "").Select(m => m.Groups[1].Value))
        {
            if (!operation.Parameters.Any(p => p.In == ParameterLocation.Path && p.Name == name))
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = name,
                    In = ParameterLocation.Path,
                    Required = true,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
            }
        }

        foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Path))
        {
            parameter.Description ??= DescribePathParameter(parameter.Name);
        }

        // Old-style ids (hep-th/9901001) have routes of their own, twins of the new-style ones: told apart in the list.
        if (context.Description.RelativePath?.Contains("{archive}/{number}", StringComparison.Ordinal) == true)
        {
            operation.Summary += " (old-style id)";
        }

        return Task.CompletedTask;
    }

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex RouteParameter();

    private static string? DescribePathParameter(string? name) => name switch
    {
        "id" => "An arXiv id: 2506.01234 (a version suffix such as v2 is ignored), or an old-style hep-th/9901001 with its slash encoded (%2F).",
        "archive" => "An old-style arXiv id's archive: hep-th in hep-th/9901001.",
        "number" => "An old-style arXiv id's number: 9901001 in hep-th/9901001.",
        "commentId" => "The comment's number, as its id in the comment list.",
        "format" => "rss (RSS 2.0), atom (Atom 1.0) or json (JSON Feed 1.1).",
        "category" => "An arXiv category (cs.CL) or a whole archive (cs.*).",
        "author" => "An author's name as arXiv lists it: Yann LeCun.",
        "token" => "The signed token in the address a subscriber's manage page shows.",
        _ => null,
    };

    private static OpenApiResponse Problem(OpenApiOperationTransformerContext context, string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            [ApiProblem.ContentType] = new() { Schema = new OpenApiSchemaReference(nameof(ApiProblemJson), context.Document) },
        },
    };
}
