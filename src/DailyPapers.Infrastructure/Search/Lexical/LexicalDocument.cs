using DailyPapers.Core.Search;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace DailyPapers.Infrastructure.Search.Lexical;

/// <summary>What the index holds about one paper: the searchable text and the values filters and sorts read.</summary>
/// <param name="Day">Publication day (first version), else the first day it was listed; null when neither is known.</param>
/// <param name="Votes">The sum of the upvotes of its listings.</param>
public sealed record LexicalDocument(
    string Id,
    string Title,
    string Abstract,
    IReadOnlyList<string> Authors,
    IReadOnlyList<string> Categories,
    DateOnly? Day,
    int Votes,
    bool HasCode)
{
    internal Document ToLucene()
    {
        var document = new Document
        {
            new StringField(LexicalFields.Id, Id, Field.Store.YES),
            new BinaryDocValuesField(LexicalFields.Id, new BytesRef(Id)),
            // Not stored: the pages highlight the store's own text, and stored abstracts were two thirds of the
            // index (2.4 of 3.6 GB at 2.7M papers), written again at every merge.
            new TextField(LexicalFields.Title, Title, Field.Store.NO),
            new TextField(LexicalFields.Abstract, Abstract, Field.Store.NO),
            new TextField(LexicalFields.TitleWords, Title, Field.Store.NO),
            new Int32Field(LexicalFields.Votes, Votes, Field.Store.NO),
            new NumericDocValuesField(LexicalFields.Votes, Votes),
        };

        // One value per author: the analyzer's position gap keeps a phrase from joining two names.
        foreach (var author in Authors)
        {
            document.Add(new TextField(LexicalFields.Authors, author, Field.Store.NO));
        }

        if (ExactTitle.Key(Title) is { Length: > 0 } titleKey)
        {
            document.Add(new StringField(LexicalFields.TitleKey, titleKey, Field.Store.NO));
        }

        var archives = new HashSet<string>(StringComparer.Ordinal);
        foreach (var category in Categories)
        {
            var code = category.ToLowerInvariant();
            document.Add(new StringField(LexicalFields.Category, code, Field.Store.NO));
            if (archives.Add(ArchiveOf(code)))
            {
                document.Add(new StringField(LexicalFields.Archive, ArchiveOf(code), Field.Store.NO));
            }
        }

        if (Day is { } day)
        {
            document.Add(new Int32Field(LexicalFields.Day, day.DayNumber, Field.Store.NO));
            document.Add(new NumericDocValuesField(LexicalFields.Day, day.DayNumber));
        }

        if (HasCode)
        {
            document.Add(new StringField(LexicalFields.HasCode, LexicalFields.Yes, Field.Store.NO));
        }

        return document;
    }

    /// <summary>cs.LG → cs; physics.optics → physics; hep-th → hep-th (an archive without subject classes).</summary>
    internal static string ArchiveOf(string category)
    {
        var dot = category.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? category : category[..dot];
    }
}
