using System.Globalization;

namespace DailyPapers.Infrastructure.Benchmarks.Scale;

/// <summary>
/// Writes a generated paper as one line of Kaggle's <c>arxiv-metadata-oai-snapshot.json</c>, byte for byte in that
/// file's own style: its fields in its order, no spaces, every character past ASCII as <c>\uXXXX</c> (Python's
/// <c>json.dumps</c>, which made it), the abstract wrapped and framed as arXiv's ("  …\n").
/// </summary>
internal sealed class KaggleLineWriter
{
    private static readonly string[] Days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private byte[] _buffer = new byte[16 * 1024];
    private int _length;

    /// <summary>The line (with its '\n') written by the last <see cref="Write"/>, valid until the next.</summary>
    public ReadOnlyMemory<byte> Line => _buffer.AsMemory(0, _length);

    public void Write(GeneratedPaper paper, IReadOnlyList<SourcePaper> sources)
    {
        _length = 0;
        var titled = sources[paper.TitleSource];
        var authored = sources[paper.AuthorsSource];
        var summary = AbstractRecombination.Combine(
            sources[paper.AbstractSource].Abstract,
            paper.SecondAbstractSource is { } second ? sources[second].Abstract : null,
            paper.AbstractSplit);

        Raw("{\"id\":");
        String(paper.Id);
        Raw(",\"submitter\":");
        String(Submitter(authored));
        Raw(",\"authors\":");
        String(authored.Authors ?? string.Join(", ", authored.AuthorsParsed.Select(FullName)));
        Raw(",\"title\":");
        String(titled.Title);
        Raw(",\"comments\":");
        String(titled.Comments);
        Raw(",\"journal-ref\":null,\"doi\":null,\"report-no\":null,\"categories\":");
        String(titled.Categories);
        Raw(",\"license\":");
        String(paper.License);
        Raw(",\"abstract\":");
        String("  " + summary + "\n");
        Raw(",\"versions\":[");
        for (var v = 0; v < paper.Versions.Count; v++)
        {
            Raw(v == 0 ? "{\"version\":" : ",{\"version\":");
            String("v" + (v + 1).ToString(CultureInfo.InvariantCulture));
            Raw(",\"created\":");
            String(Created(paper.Versions[v]));
            Raw("}");
        }

        Raw("],\"update_date\":");
        String(paper.Versions[^1].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Raw(",\"authors_parsed\":[");
        for (var a = 0; a < authored.AuthorsParsed.Count; a++)
        {
            Raw(a == 0 ? "[" : ",[");
            var parts = authored.AuthorsParsed[a];
            for (var p = 0; p < parts.Length; p++)
            {
                if (p > 0)
                {
                    Raw(",");
                }

                String(parts[p]);
            }

            Raw("]");
        }

        Raw("]}\n");
    }

    /// <summary>"Mon, 2 Apr 2007 19:18:42 GMT", the snapshot's form (the day without a leading zero).</summary>
    internal static string Created(DateTime time) => string.Create(
        CultureInfo.InvariantCulture,
        $"{Days[(int)time.DayOfWeek]}, {time.Day} {Months[time.Month - 1]} {time.Year} {time:HH:mm:ss} GMT");

    private static string? Submitter(SourcePaper paper) =>
        paper.AuthorsParsed.Count > 0 ? FullName(paper.AuthorsParsed[0]) : null;

    // authors_parsed is [last, first, suffix].
    private static string FullName(string[] parts) =>
        string.Join(' ', new[] { parts.ElementAtOrDefault(1), parts.ElementAtOrDefault(0), parts.ElementAtOrDefault(2) }.Where(p => !string.IsNullOrEmpty(p)));

    private void Raw(string ascii)
    {
        Reserve(ascii.Length);
        foreach (var c in ascii)
        {
            _buffer[_length++] = (byte)c;
        }
    }

    private void String(string? value)
    {
        if (value is null)
        {
            Raw("null");
            return;
        }

        Reserve((value.Length * 6) + 2);
        _buffer[_length++] = (byte)'"';
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': Escape('"'); break;
                case '\\': Escape('\\'); break;
                case '\n': Escape('n'); break;
                case '\r': Escape('r'); break;
                case '\t': Escape('t'); break;
                case '\b': Escape('b'); break;
                case '\f': Escape('f'); break;
                case < ' ' or > '~' when c != '\u007f':
                    Escape('u');
                    foreach (var shift in (ReadOnlySpan<int>)[12, 8, 4, 0])
                    {
                        _buffer[_length++] = (byte)"0123456789abcdef"[(c >> shift) & 0xF];
                    }

                    break;
                default: _buffer[_length++] = (byte)c; break;
            }
        }

        _buffer[_length++] = (byte)'"';
    }

    private void Escape(char c)
    {
        _buffer[_length++] = (byte)'\\';
        _buffer[_length++] = (byte)c;
    }

    private void Reserve(int bytes)
    {
        if (_length + bytes > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + bytes));
        }
    }
}
