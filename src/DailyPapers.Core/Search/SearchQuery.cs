using System.Text.RegularExpressions;

namespace DailyPapers.Core.Search;

/// <summary>
/// Reads what people type into the search box (see <see cref="Parse"/>). It never throws: whatever it cannot use it
/// drops or reads as words, and says so in <see cref="ParsedQuery.Notice"/>.
/// </summary>
public static partial class SearchQuery
{
    /// <summary>Longer queries are cut here (at a space): no real question is longer, and work stays bounded.</summary>
    public const int MaxLength = 1_000;

    /// <summary>Clauses plus ids; more only slows the engine (each is a Lucene clause) without changing the top hits.</summary>
    public const int MaxTerms = 64;

    /// <summary>Caps for <see cref="ParsePlainText"/>: BEIR queries such as ArguAna's are whole paragraphs.</summary>
    public const int MaxPlainLength = 20_000;

    /// <summary>Lucene's default limit of clauses in one boolean query.</summary>
    public const int MaxPlainTerms = 1_024;

    /// <summary>
    /// Parses the query language: words, "phrases", au:/ti:/abs:/cat: before a word or phrase (a space after the
    /// colon is allowed), a leading - to exclude, and arXiv ids or arXiv/Hugging Face links anywhere. An unclosed
    /// quote runs to the end of the query. Unknown prefixes (foo:bar) are read as words. Repeats are dropped; stop
    /// words are kept (the engine's analyzer decides about them). AND, OR, NOT and parentheses have no meaning here.
    /// Long names (title:, author:, abstract:, category:) and arXiv's all: work too.
    /// </summary>
    public static ParsedQuery Parse(string? text)
    {
        text ??= "";
        var notices = new QueryNotices();
        var clean = QueryText.Sanitize(text, MaxLength, out var truncated);
        if (truncated)
        {
            notices.Truncated(MaxLength);
        }

        var collector = new ClauseCollector(MaxTerms, dropRepeats: true);
        Interpret(QueryLexeme.Split(clean), collector, notices);
        return Finish(text, clean, collector, notices, MaxTerms);
    }

    /// <summary>
    /// Reads text with no syntax at all, every word searched in any field and repeats kept: for text that was not
    /// typed into the search box, such as benchmark queries, summaries or an abstract to find similar papers for.
    /// </summary>
    public static ParsedQuery ParsePlainText(string? text)
    {
        text ??= "";
        var notices = new QueryNotices();
        var clean = QueryText.Sanitize(text, MaxPlainLength, out var truncated);
        if (truncated)
        {
            notices.Truncated(MaxPlainLength);
        }

        var collector = new ClauseCollector(MaxPlainTerms, dropRepeats: false);
        foreach (var word in clean.Replace('"', ' ').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            collector.AddWord(QueryField.Any, word, excluded: false);
        }

        return Finish(text, clean, collector, notices, MaxPlainTerms);
    }

    private static ParsedQuery Finish(string text, string clean, ClauseCollector collector, QueryNotices notices, int maxTerms)
    {
        if (collector.HitTermCap)
        {
            notices.TooManyTerms(maxTerms);
        }

        if (collector.Clauses.Count == 0 && collector.Ids.Count == 0 && !string.IsNullOrWhiteSpace(clean))
        {
            notices.NothingToSearch();
        }

        return new ParsedQuery(text, collector.Clauses, collector.Ids, notices.ToMessage());
    }

    private static void Interpret(List<QueryLexeme> lexemes, ClauseCollector collector, QueryNotices notices)
    {
        // A prefix with nothing glued to it (au: or au:"…") waits for the next word or phrase.
        (QueryField Field, bool Excluded, string Name)? pending = null;
        var minusBeforeQuote = false;

        void AddWord(string word, bool excluded)
        {
            collector.AddWord(pending?.Field ?? QueryField.Any, word, excluded || pending?.Excluded == true);
            pending = null;
        }

        void DropPending()
        {
            if (pending is { } p)
            {
                notices.DanglingPrefix(p.Name, p.Field);
                pending = null;
            }
        }

        foreach (var lexeme in lexemes)
        {
            if (lexeme.IsQuoted)
            {
                var excluded = pending?.Excluded == true || (minusBeforeQuote && !lexeme.FollowsSpace);
                if (collector.AddPhrase(pending?.Field ?? QueryField.Any, lexeme.Text, excluded) && !lexeme.IsClosed)
                {
                    notices.UnclosedQuote();
                }

                pending = null;
                minusBeforeQuote = false;
                continue;
            }

            minusBeforeQuote = false;
            if (ArxivIdFinder.TryFind(lexeme.Text, out var id))
            {
                DropPending();
                collector.AddId(id);
                continue;
            }

            var word = lexeme.Text.TrimStart('-');
            var isExcluded = word.Length < lexeme.Text.Length;
            if (word.Length == 0)
            {
                minusBeforeQuote = true;
                continue;
            }

            var prefix = PrefixPattern().Match(word);
            var rest = word[prefix.Length..];
            if (!prefix.Success || rest.StartsWith("//", StringComparison.Ordinal))
            {
                // No prefix, or a link (https://…): without its scheme, since the clean-up trims the leading slashes.
                AddWord(prefix.Success ? rest : word, isExcluded);
                continue;
            }

            var name = prefix.Groups[1].Value;
            if (KnownField(name) is { } field)
            {
                DropPending();
                if (rest.Length == 0)
                {
                    pending = (field, isExcluded, name);
                }
                else
                {
                    collector.AddWord(field, rest, isExcluded);
                }
            }
            else if (rest.Length == 0)
            {
                // "Note:" or a pasted title "BERT: Pre-training …": a colon at the end is punctuation.
                AddWord(word, isExcluded);
            }
            else
            {
                notices.UnknownPrefix(name);
                AddWord(name, isExcluded);
                AddWord(rest, isExcluded);
            }
        }

        DropPending();
    }

    // The long names and arXiv's all: are accepted too, since people coming from other search boxes type them.
    private static QueryField? KnownField(string prefix) => prefix.ToLowerInvariant() switch
    {
        "au" or "author" or "authors" => QueryField.Authors,
        "ti" or "title" => QueryField.Title,
        "abs" or "abstract" => QueryField.Abstract,
        "cat" or "category" => QueryField.Category,
        "all" => QueryField.Any,
        _ => null,
    };

    // Letters only, so times (10:30) and ratios (1:2) stay words.
    [GeneratedRegex("^([A-Za-z]{1,20}):", RegexOptions.CultureInvariant)]
    private static partial Regex PrefixPattern();
}
