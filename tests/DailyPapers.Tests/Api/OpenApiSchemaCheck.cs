using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DailyPapers.Tests.Api;

/// <summary>
/// Checks JSON against a schema of an OpenAPI 3.1 document: the subset of JSON Schema the app emits (type, also as an
/// array with null; properties, required, items, additionalProperties; $ref into components; oneOf and anyOf; enum,
/// pattern, minimum, maximum; formats date-time, in Hugging Face's one pattern, date, int32 and int64). Stricter than
/// JSON Schema on purpose: a property the schema does not name is an error, so a field the API answers with but the
/// document leaves out fails. A keyword it does not know fails too, rather than being passed over.
/// </summary>
public sealed partial class OpenApiSchemaCheck(JsonElement document)
{
    private static readonly HashSet<string> Annotations =
        ["description", "title", "example", "examples", "default", "deprecated", "readOnly", "writeOnly", "externalDocs", "$comment"];

    private static readonly HashSet<string> Understood =
        ["$ref", "type", "properties", "required", "items", "additionalProperties", "oneOf", "anyOf", "enum", "pattern", "format", "minimum", "maximum"];

    /// <summary>The errors of <paramref name="value"/> against <paramref name="schema"/>, each naming its JSON path ($.paper.authors[3].name).</summary>
    public List<string> Errors(JsonElement value, JsonElement schema, string path = "$")
    {
        List<string> errors = [];
        Check(value, schema, path, errors);
        return errors;
    }

    /// <summary>The schema a <c>$ref</c> names (<c>#/components/schemas/HfPaperJson</c>).</summary>
    public JsonElement Resolve(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Only references into this document are understood, not {reference}.");
        }

        var target = document;
        foreach (var part in reference[2..].Split('/'))
        {
            if (!target.TryGetProperty(part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal), out target))
            {
                throw new InvalidOperationException($"The document has nothing at {reference}.");
            }
        }

        return target;
    }

    private void Check(JsonElement value, JsonElement schema, string path, List<string> errors)
    {
        if (schema.ValueKind == JsonValueKind.True)
        {
            return;
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{path}: the schema is not an object but {schema.ValueKind}");
            return;
        }

        foreach (var keyword in schema.EnumerateObject())
        {
            if (!Understood.Contains(keyword.Name) && !Annotations.Contains(keyword.Name))
            {
                errors.Add($"{path}: the schema uses \"{keyword.Name}\", which this check does not understand");
            }
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            // 3.1: a $ref may stand beside annotations (a description); beside constraints it would need allOf semantics.
            if (schema.EnumerateObject().Select(k => k.Name).FirstOrDefault(k => k != "$ref" && !Annotations.Contains(k)) is { } beside)
            {
                errors.Add($"{path}: the schema has \"{beside}\" beside its $ref, which this check does not understand");
            }

            Check(value, Resolve(reference.GetString()!), path, errors);
            return;
        }

        // An object's members are checked by the alternatives that describe it (null or a $ref, as the generator
        // writes a nullable reference), not again by this schema, which names none.
        var alternatives = false;
        if (schema.TryGetProperty("oneOf", out var oneOf))
        {
            CheckAlternatives(value, oneOf, path, errors, exactlyOne: true);
            alternatives = true;
        }

        if (schema.TryGetProperty("anyOf", out var anyOf))
        {
            CheckAlternatives(value, anyOf, path, errors, exactlyOne: false);
            alternatives = true;
        }

        if (schema.TryGetProperty("type", out var type) && !TypeMatches(value, type))
        {
            errors.Add($"{path}: is {Describe(value)}, documented as {type.GetRawText()}");
            return;
        }

        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => JsonElement.DeepEquals(a, value)))
        {
            errors.Add($"{path}: {value.GetRawText()} is not one of {allowed.GetRawText()}");
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                CheckString(value.GetString()!, schema, path, errors);
                break;
            case JsonValueKind.Number:
                CheckNumber(value, schema, path, errors);
                break;
            case JsonValueKind.Array when schema.TryGetProperty("items", out var items):
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Check(item, items, $"{path}[{index++}]", errors);
                }

                break;
            case JsonValueKind.Object when !alternatives || schema.TryGetProperty("properties", out _):
                CheckObject(value, schema, path, errors);
                break;
        }
    }

    private void CheckAlternatives(JsonElement value, JsonElement alternatives, string path, List<string> errors, bool exactlyOne)
    {
        var results = alternatives.EnumerateArray().Select(a => Errors(value, a, path)).ToList();
        var matching = results.Count(r => r.Count == 0);
        if (matching == 0)
        {
            errors.Add($"{path}: matches none of its {results.Count} alternatives: " +
                string.Join(" | ", results.Select(r => string.Join("; ", r.Take(3)))));
        }
        else if (exactlyOne && matching > 1)
        {
            errors.Add($"{path}: matches {matching} alternatives of a oneOf, not exactly one");
        }
    }

    private void CheckObject(JsonElement value, JsonElement schema, string path, List<string> errors)
    {
        var properties = schema.TryGetProperty("properties", out var p) ? p : default;
        var additional = schema.TryGetProperty("additionalProperties", out var a) ? a : default;
        foreach (var property in value.EnumerateObject())
        {
            var propertyPath = $"{path}.{property.Name}";
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                Check(property.Value, propertySchema, propertyPath, errors);
            }
            else if (additional.ValueKind == JsonValueKind.Object)
            {
                Check(property.Value, additional, propertyPath, errors);
            }
            else
            {
                errors.Add($"{propertyPath}: is in the response ({Describe(property.Value)}) but not in the documented schema");
            }
        }

        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                if (!value.TryGetProperty(name, out _))
                {
                    errors.Add($"{path}.{name}: is documented as required but missing");
                }
            }
        }
    }

    private static void CheckString(string text, JsonElement schema, string path, List<string> errors)
    {
        if (schema.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(text, pattern.GetString()!, RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            errors.Add($"{path}: \"{text}\" does not match the documented pattern {pattern.GetString()}");
        }

        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        var valid = format switch
        {
            // Hugging Face's client reads every timestamp with %Y-%m-%dT%H:%M:%S.%fZ: the one shape a date-time may have.
            "date-time" => HfTimestamp().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _),
            "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            _ => true,
        };
        if (!valid)
        {
            errors.Add($"{path}: \"{text}\" is not a {format} as the API writes one");
        }
    }

    private static void CheckNumber(JsonElement value, JsonElement schema, string path, List<string> errors)
    {
        var number = value.GetDecimal();
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        if ((format == "int32" && !value.TryGetInt32(out _)) || (format == "int64" && !value.TryGetInt64(out _)))
        {
            errors.Add($"{path}: {value.GetRawText()} is not an {format}");
        }

        if (schema.TryGetProperty("minimum", out var minimum) && number < minimum.GetDecimal())
        {
            errors.Add($"{path}: {number} is below the documented minimum {minimum.GetRawText()}");
        }

        if (schema.TryGetProperty("maximum", out var maximum) && number > maximum.GetDecimal())
        {
            errors.Add($"{path}: {number} is above the documented maximum {maximum.GetRawText()}");
        }
    }

    private static bool TypeMatches(JsonElement value, JsonElement type) => type.ValueKind == JsonValueKind.Array
        ? type.EnumerateArray().Any(t => TypeMatches(value, t.GetString()!))
        : TypeMatches(value, type.GetString()!);

    private static bool TypeMatches(JsonElement value, string type) => type switch
    {
        "null" => value.ValueKind == JsonValueKind.Null,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var n) && decimal.Truncate(n) == n,
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        _ => throw new InvalidOperationException($"Unknown JSON Schema type {type}."),
    };

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"a string \"{Shorten(value.GetString()!)}\"",
        JsonValueKind.Number => $"a number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")]
    private static partial Regex HfTimestamp();
}
