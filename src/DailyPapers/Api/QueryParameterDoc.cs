using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace DailyPapers.Api;

/// <summary>
/// A query parameter as the OpenAPI document describes it: the handlers read <c>HttpRequest.Query</c> themselves
/// (so that a bad value is a 400 that names it), so the generator cannot see them. Kept beside the code that reads them.
/// </summary>
public sealed record QueryParameterDoc(string Name, string Description)
{
    public JsonSchemaType Type { get; init; } = JsonSchemaType.String;

    /// <summary>A format such as <c>date</c>; for text only.</summary>
    public string? Format { get; init; }

    public string? Pattern { get; init; }

    public int? Minimum { get; init; }

    public int? Maximum { get; init; }

    public int? Default { get; init; }

    public IReadOnlyList<string>? Values { get; init; }

    public string? Example { get; init; }

    /// <summary>Given more than once, or as one comma-separated value (<c>cat=cs.CL,cs.LG</c>).</summary>
    public bool Repeatable { get; init; }

    public static QueryParameterDoc WholeNumber(string name, string description, int minimum, int? maximum = null, int? fallback = null) =>
        new(name, description) { Type = JsonSchemaType.Integer, Minimum = minimum, Maximum = maximum, Default = fallback };

    public static QueryParameterDoc Day(string name, string description) =>
        new(name, description) { Format = "date", Example = "2025-06-10" };

    public static QueryParameterDoc OneOf(string name, string description, params string[] values) =>
        new(name, description) { Values = values };

    public OpenApiParameter ToOpenApi()
    {
        var value = new OpenApiSchema
        {
            Type = Type,
            Format = Format,
            Pattern = Pattern,
            Minimum = Minimum?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Maximum = Maximum?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Default = Default is { } fallback ? JsonValue.Create(fallback) : null,
            Enum = Values?.Select(v => (JsonNode)JsonValue.Create(v)).ToList(),
        };
        return new OpenApiParameter
        {
            Name = Name,
            In = ParameterLocation.Query,
            Description = Description,
            Required = false,
            Schema = Repeatable ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = value } : value,
            Example = Example is null ? null : Repeatable ? new JsonArray(JsonValue.Create(Example)) : JsonValue.Create(Example),
        };
    }
}
