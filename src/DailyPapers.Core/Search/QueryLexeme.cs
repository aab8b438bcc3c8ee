namespace DailyPapers.Core.Search;

/// <summary>
/// A run of text without spaces or quotes, or the inside of a pair of quotes. <see cref="FollowsSpace"/> tells
/// <c>-"phrase"</c> (the minus belongs to the phrase) from <c>- "phrase"</c> (a stray minus).
/// </summary>
internal readonly record struct QueryLexeme(string Text, bool IsQuoted, bool IsClosed, bool FollowsSpace)
{
    public static List<QueryLexeme> Split(string text)
    {
        var lexemes = new List<QueryLexeme>();
        var followsSpace = true;
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                followsSpace = true;
                i++;
                continue;
            }

            if (text[i] == '"')
            {
                var close = text.IndexOf('"', i + 1);
                var end = close < 0 ? text.Length : close;
                lexemes.Add(new QueryLexeme(text[(i + 1)..end], IsQuoted: true, IsClosed: close >= 0, followsSpace));
                i = close < 0 ? text.Length : close + 1;
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '"')
                {
                    i++;
                }

                lexemes.Add(new QueryLexeme(text[start..i], IsQuoted: false, IsClosed: true, followsSpace));
            }

            followsSpace = false;
        }

        return lexemes;
    }
}
