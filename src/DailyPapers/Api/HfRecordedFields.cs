using Microsoft.OpenApi;

namespace DailyPapers.Api;

/// <summary>
/// The fields a paper imported from Hugging Face carries beyond our own shape (<see cref="HfJson"/> answers with
/// their item as recorded), added to the generated schemas so that the document describes both kinds of paper:
/// every field path of the recorded Hugging Face days (the fixtures hold all of them), and as required only what
/// both kinds always have.
/// </summary>
public static class HfRecordedFields
{
    public const string OrganizationSchema = "HfOrganizationJson";

    private const string Recorded = "Only on papers imported from Hugging Face, as they served it.";

    public static void AddTo(OpenApiDocument document)
    {
        var schemas = document.Components?.Schemas ?? throw new InvalidOperationException("The document has no schemas to add Hugging Face's fields to.");
        schemas[OrganizationSchema] = Object(
            "An organization on Hugging Face. " + Recorded,
            ["_id", "fullname", "name"],
            ("_id", Text()),
            ("name", Text()),
            ("fullname", Text()),
            ("avatar", Text()));

        // A user as Hugging Face shows one (the submitter, an author's account); ours have a name and full name only.
        Extend(schemas, nameof(HfUserJson), ["fullname"],
            ("_id", Text(Recorded)),
            ("id", Text(Recorded)),
            ("user", Text("The user's handle. " + Recorded)),
            ("type", Text(Recorded)));
        Extend(schemas, nameof(HfAuthorJson), ["name", "hidden"],
            ("_id", Text(Recorded)),
            ("user", Reference(document, nameof(HfUserJson), "The author's Hugging Face account, when they claimed the paper. " + Recorded)),
            ("status", Text(Recorded)),
            ("statusLastChangedAt", Timestamp(Recorded)));
        Extend(schemas, nameof(HfPaperJson), ["id", "authors", "publishedAt", "title", "summary", "upvotes"],
            ("discussionId", Text(Recorded)),
            ("submittedOnDailyBy", Reference(document, nameof(HfUserJson), Recorded)),
            ("githubRepoAddedBy", Text(Recorded)),
            ("organization", Reference(document, OrganizationSchema, Recorded)),
            ("mediaUrls", Texts(Recorded)),
            ("ai_summary_model", Text(Recorded)));
        Extend(schemas, nameof(HfDailyItemJson), ["paper", "publishedAt", "title", "numComments"],
            ("mediaUrl", Text(Recorded)),
            ("mediaUrls", Texts(Recorded)),
            ("organization", Reference(document, OrganizationSchema, Recorded)),
            ("submitterOrganization", Reference(document, OrganizationSchema, Recorded)));
    }

    /// <summary>Adds the recorded-only fields to a generated schema and sets what is always present.</summary>
    private static void Extend(IDictionary<string, IOpenApiSchema> schemas, string name, string[] required, params (string Name, IOpenApiSchema Schema)[] fields)
    {
        if (!schemas.TryGetValue(name, out var found) || found is not OpenApiSchema schema)
        {
            throw new InvalidOperationException($"The document has no schema {name}: is an endpoint still documented as answering it?");
        }

        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        foreach (var (field, fieldSchema) in fields)
        {
            schema.Properties.Add(field, fieldSchema);
        }

        schema.Required = new HashSet<string>(required, StringComparer.Ordinal);
    }

    private static OpenApiSchema Object(string description, string[] required, params (string Name, IOpenApiSchema Schema)[] properties) => new()
    {
        Type = JsonSchemaType.Object,
        Description = description,
        Required = new HashSet<string>(required, StringComparer.Ordinal),
        Properties = properties.ToDictionary(p => p.Name, p => p.Schema, StringComparer.Ordinal),
    };

    private static OpenApiSchema Text(string? description = null) => new() { Type = JsonSchemaType.String, Description = description };

    private static OpenApiSchema Texts(string description) => new() { Type = JsonSchemaType.Array, Items = Text(), Description = description };

    private static OpenApiSchema Timestamp(string description) => new()
    {
        Type = JsonSchemaType.String,
        Format = "date-time",
        Pattern = ApiSchemaTransformer.TimestampPattern,
        Description = description,
    };

    /// <summary>A reference with its own description (OpenAPI 3.1 lets a <c>$ref</c> carry one).</summary>
    private static OpenApiSchemaReference Reference(OpenApiDocument document, string schema, string description) =>
        new(schema, document) { Description = description };
}
