using System.Text.Json.Nodes;
using DailyPapers.Web;
using Microsoft.OpenApi;

namespace DailyPapers.Api;

/// <summary>
/// Metadata for the OpenAPI document that the minimal-API builders have no words for: problems in our shape, query
/// parameters the handlers read from <c>HttpRequest.Query</c> themselves, examples, and responses in several media
/// types. Each only describes; none changes what an endpoint does.
/// </summary>
public static class EndpointDocs
{
    /// <summary>The endpoint answers these statuses with a problem document (<see cref="ApiProblem"/>).</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            builder.Produces<ApiProblemJson>(status, ApiProblem.ContentType);
        }

        return builder;
    }

    /// <summary>
    /// The endpoint answers these statuses with text of this media type (the paper files, whose errors are text too: a
    /// reference manager must not import a problem document). The type's parameters (charset) are left out.
    /// </summary>
    public static RouteHandlerBuilder ProducesText(this RouteHandlerBuilder builder, string contentType, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            builder.Produces<string>(status, contentType.Split(';')[0]);
        }

        return builder;
    }

    /// <summary>The query parameters the handler reads itself, which the generator cannot see.</summary>
    public static RouteHandlerBuilder WithQuery(this RouteHandlerBuilder builder, params IEnumerable<QueryParameterDoc> parameters)
    {
        List<QueryParameterDoc> list = [.. parameters];
        return builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            foreach (var parameter in list)
            {
                operation.Parameters.Add(parameter.ToOpenApi());
            }

            return Task.CompletedTask;
        });
    }

    /// <summary>An example of the JSON the endpoint answers with <paramref name="status"/>.</summary>
    public static RouteHandlerBuilder WithExample(this RouteHandlerBuilder builder, Func<JsonNode> example, int status = StatusCodes.Status200OK)
    {
        return builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            IOpenApiResponse? response = null;
            OpenApiMediaType? json = null;
            if (operation.Responses?.TryGetValue(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out response) != true
                || response?.Content?.TryGetValue("application/json", out json) != true || json is null)
            {
                throw new InvalidOperationException($"{operation.OperationId}: an example of a {status} JSON response it does not document.");
            }

            json.Example = example();
            return Task.CompletedTask;
        });
    }

    /// <summary>The 200 answer may carry the next page's address in a <c>Link</c> header.</summary>
    public static RouteHandlerBuilder WithLinkHeader(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            IOpenApiResponse? found = null;
            if (operation.Responses?.TryGetValue("200", out found) == true && found is OpenApiResponse ok)
            {
                ok.Headers ??= new Dictionary<string, IOpenApiHeader>();
                ok.Headers["Link"] = new OpenApiHeader
                {
                    Description = "The next page, as <https://…/api/papers?cursor=…&limit=50>; rel=\"next\"; absent on the last page.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
            }

            return Task.CompletedTask;
        });

    /// <summary>A request body of JSON in <typeparamref name="T"/>'s shape, read by the handler itself.</summary>
    public static RouteHandlerBuilder WithJsonBody<T>(this RouteHandlerBuilder builder, string description)
        where T : notnull =>
        builder.Accepts<T>("application/json").AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.RequestBody is OpenApiRequestBody body)
            {
                body.Description = description;
                body.Required = true;
            }

            return Task.CompletedTask;
        });

    /// <summary>
    /// A feed: one operation answering RSS, Atom or JSON Feed by the address's extension, 304 to a conditional request
    /// that is current, and problems for a bad parameter (400) or an unknown format or feed (404).
    /// </summary>
    public static RouteHandlerBuilder ProducesFeed(this RouteHandlerBuilder builder) =>
        builder.Produces(StatusCodes.Status200OK).Produces(StatusCodes.Status304NotModified).ProducesProblems(400, 404)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                IOpenApiResponse? found = null;
                var ok = operation.Responses?.TryGetValue("200", out found) == true && found is OpenApiResponse response
                    ? response
                    : throw new InvalidOperationException($"{operation.OperationId}: no 200 response to describe.");
                ok.Description = "The feed, in the format the extension names; ETag and Last-Modified for conditional requests.";
                ok.Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/rss+xml"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "RSS 2.0 (.rss)." } },
                    ["application/atom+xml"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Atom 1.0, RFC 4287 (.atom)." } },
                    ["application/feed+json"] = new()
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Description = "JSON Feed 1.1 (.json), as its specification at https://jsonfeed.org/version/1.1 describes it.",
                        },
                    },
                };
                return Task.CompletedTask;
            });
}
