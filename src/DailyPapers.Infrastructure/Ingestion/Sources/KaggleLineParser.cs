using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using DailyPapers.Core.Papers;

namespace DailyPapers.Infrastructure.Ingestion.Sources;

/// <summary>Parses one line of the Kaggle snapshot into an item, touching only the fields a paper needs.</summary>
internal static class KaggleLineParser
{
    /// <summary>How the reason of a line that is not JSON begins.</summary>
    public const string MalformedJson = "malformed JSON: ";

    private static readonly JsonReaderOptions Options = new() { MaxDepth = 16 };

    public static SourceItem Parse(ReadOnlySpan<byte> line, string location)
    {
        if (!Utf8.IsValid(line))
        {
            // Old dumps hold lines with broken encodings; the record is still worth keeping, with U+FFFD marking
            // the bytes that were lost (the builder keeps them so they can be found and fixed later).
            line = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(line));
        }

        var fields = new KaggleFields();
        try
        {
            var reader = new Utf8JsonReader(line, Options);
            ReadRecord(ref reader, fields);
        }
        catch (JsonException ex)
        {
            return new RejectedItem(location, $"{MalformedJson}{ShortReaderMessage(ex)}");
        }
        catch (FormatException ex)
        {
            return new RejectedItem(location, ex.Message);
        }

        return fields.ToItem(location, line);
    }

    private static void ReadRecord(ref Utf8JsonReader reader, KaggleFields fields)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new FormatException($"expected one JSON object per line, found {Describe(reader.TokenType)}");
        }

        var builder = fields.Builder;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8)) { builder.Id = ReadString(ref reader, "id"); }
            else if (reader.ValueTextEquals("title"u8)) { builder.Title = ReadString(ref reader, "title"); }
            else if (reader.ValueTextEquals("abstract"u8)) { ReadAbstract(ref reader, builder); }
            else if (reader.ValueTextEquals("authors"u8)) { fields.AuthorsTextAt = StringStart(ref reader, "authors"); }
            else if (reader.ValueTextEquals("authors_parsed"u8)) { ReadParsedAuthors(ref reader, fields.ParsedAuthors); }
            else if (reader.ValueTextEquals("categories"u8)) { builder.Categories = ArxivCategoryCodes.KeepCodes(ReadString(ref reader, "categories")); }
            else if (reader.ValueTextEquals("versions"u8)) { ReadVersions(ref reader, fields); }
            else if (reader.ValueTextEquals("comments"u8)) { builder.Comments = ReadString(ref reader, "comments"); }
            else if (reader.ValueTextEquals("journal-ref"u8)) { builder.JournalRef = ReadString(ref reader, "journal-ref"); }
            else if (reader.ValueTextEquals("doi"u8)) { builder.Doi = ReadString(ref reader, "doi"); }
            else if (reader.ValueTextEquals("license"u8)) { builder.License = ReadString(ref reader, "license"); }
            else { reader.Skip(); } // submitter, report-no, update_date and anything newer dumps add
        }

        // Anything after the object on the same line makes the reader throw here.
        reader.Read();
    }

    private static string? ReadString(ref Utf8JsonReader reader, string name)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.String when reader.ValueIsEscaped && !reader.HasValueSequence => Unescape(ref reader),
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            _ => throw new FormatException($"\"{name}\" should be a string, found {Describe(reader.TokenType)}"),
        };
    }

    // Checks the value as ReadString does, without decoding it: where the string token starts, or -1 for null.
    private static int StringStart(ref Utf8JsonReader reader, string name)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.String => (int)reader.TokenStartIndex,
            JsonTokenType.Null => -1,
            _ => throw new FormatException($"\"{name}\" should be a string, found {Describe(reader.TokenType)}"),
        };
    }

    // The abstract goes from the reader's bytes to its normalised string through one reused buffer: no string of
    // the raw text is made only to be normalised and dropped.
    private static void ReadAbstract(ref Utf8JsonReader reader, PaperRecordBuilder builder)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                builder.SetAbstract(CopyString(ref reader, 0));
                break;
            case JsonTokenType.Null:
                builder.Abstract = null;
                break;
            default:
                throw new FormatException($"\"abstract\" should be a string, found {Describe(reader.TokenType)}");
        }
    }

    // Escaped text (abstracts are full of \n) unescaped straight into a reused buffer skips GetString's intermediate
    // UTF-8 copy, which was a fifth of the parse time.
    private static string Unescape(ref Utf8JsonReader reader) => new(CopyString(ref reader, 0));

    /// <summary>The string value at the reader, in the thread's buffer from <paramref name="offset"/> on.</summary>
    private static ReadOnlySpan<char> CopyString(ref Utf8JsonReader reader, int offset)
    {
        // An unescaped string is never longer, in UTF-16 code units, than its escaped UTF-8 bytes.
        var needed = offset + reader.ValueSpan.Length;
        if (_buffer is null || _buffer.Length < needed)
        {
            var larger = new char[Math.Max(needed, Math.Max(4096, (_buffer?.Length ?? 0) * 2))];
            _buffer?.AsSpan(0, offset).CopyTo(larger);
            _buffer = larger;
        }

        var written = reader.CopyString(_buffer.AsSpan(offset));
        return _buffer.AsSpan(offset, written);
    }

    [ThreadStatic]
    private static char[]? _buffer;

    // [["Last", "First", "Suffix", "affiliation"...], ...]; the affiliation entries are not part of the name.
    private static void ReadParsedAuthors(ref Utf8JsonReader reader, List<string> authors)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return;
        }

        // Up to three parts of a name, unescaped one after another into the thread's buffer.
        Span<int> starts = stackalloc int[3];
        Span<int> lengths = stackalloc int[3];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                reader.Skip();
                continue;
            }

            starts.Clear();
            lengths.Clear();
            var used = 0;
            for (var i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
            {
                if (i < lengths.Length && reader.TokenType == JsonTokenType.String)
                {
                    starts[i] = used;
                    lengths[i] = CopyString(ref reader, used).Length;
                    used += lengths[i];
                }
                else
                {
                    reader.Skip();
                }
            }

            var buffer = _buffer.AsSpan();
            var name = AuthorNames.Join(buffer.Slice(starts[1], lengths[1]), buffer.Slice(starts[0], lengths[0]), buffer.Slice(starts[2], lengths[2]));
            if (name.Length > 0)
            {
                authors.Add(name);
            }
        }
    }

    private static void ReadVersions(ref Utf8JsonReader reader, KaggleFields fields)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            string? created = null;
            string? label = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("created"u8)) { created = ReadString(ref reader, "versions[].created"); }
                else if (reader.ValueTextEquals("version"u8)) { label = ReadString(ref reader, "versions[].version"); }
                else { reader.Skip(); }
            }

            fields.AddVersion(label, created);
        }
    }

    // "'x' is an invalid start of a value. LineNumber: 0 | BytePositionInLine: 12." — the line number is ours.
    private static string ShortReaderMessage(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut].TrimEnd();
        }

        var at = ex.BytePositionInLine is { } position ? $" (byte {position})" : "";
        return (message.Length <= 160 ? message : message[..160] + "…") + at;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
