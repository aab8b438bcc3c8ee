using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace DailyPapers.Tests.Search.Lexical;

/// <summary>Index folders as a crash or an older version leaves them, made with plain Lucene.</summary>
public static class LexicalIndexFiles
{
    /// <summary>Commits one document under the given commit data, as an index of another schema version would.</summary>
    public static void WriteForeignCommit(string path, string id, string schema, long sequence)
    {
        using var directory = FSDirectory.Open(path);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new StandardAnalyzer(LuceneVersion.LUCENE_48)));
        writer.AddDocument(new Document { new StringField("id", id, Field.Store.YES) });
        writer.SetCommitData(new Dictionary<string, string> { ["schema"] = schema, ["change_seq"] = sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        writer.Commit();
    }

    /// <summary>
    /// Copies the folder's files as they are on disk right now, while a writer may still be working in it: what a
    /// kill -9 leaves behind (files of a segment flushed but not committed, maybe a merge half-written).
    /// </summary>
    public static string CrashImage(string path)
    {
        var copy = Path.Combine(Path.GetTempPath(), $"dp-crash-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(copy);
        foreach (var file in System.IO.Directory.GetFiles(path))
        {
            try
            {
                File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            }
            catch (FileNotFoundException)
            {
                // Deleted by the writer (a merged-away segment) while copying: it is gone in a real crash too.
            }
        }

        return copy;
    }

    public static void Replace(string path, string image)
    {
        System.IO.Directory.Delete(path, recursive: true);
        System.IO.Directory.Move(image, path);
    }
}
