using DailyPapers.Infrastructure.Search.Lexical;
using DailyPapers.Tests.Support;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace DailyPapers.Tests.Search.Lexical;

/// <summary>The real thing: the site's process killed with SIGKILL while it indexes, then a restart catching up.</summary>
public sealed class LexicalKillTests
{
    [Fact]
    public async Task A_site_killed_while_indexing_leaves_an_index_that_a_restart_completes_exactly()
    {
        // The testbed's own index opens at its first use, after the kill: it stands for the restarted site.
        await using var bed = await LexicalTestbed.CreateAsync();
        var store = bed.Store;
        var file = Path.Combine(store.DataDirectory, "subset.jsonl.gz");
        var papers = await ScaledKaggleFile.WriteAsync(file, 5_000);
        Assert.Equal(0, (await CliProcess.RunAsync(store.Settings, "import", "kaggle", file)).ExitCode);
        var settings = new Dictionary<string, string?>(store.Settings)
        {
            ["Search:Lexical:BatchSize"] = "100",
            ["Search:Lexical:CommitInterval"] = "00:00:00.050",
            ["Search:Embeddings:Enabled"] = "false",
        };
        var indexPath = Path.Combine(store.DataDirectory, "index", "lexical");

        int committedAtKill;
        using (var site = CliProcess.Start(settings, "serve", "--urls", "http://127.0.0.1:0"))
        {
            // SIGKILL once a commit holds some papers but not all of them.
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while ((committedAtKill = CommittedDocuments(indexPath)) == 0 && DateTime.UtcNow < deadline && !site.HasExited)
            {
                await Task.Delay(10);
            }

            site.Kill(entireProcessTree: true);
            await site.WaitForExitAsync();
        }

        var resumedWith = bed.Index.DocumentCount;
        var summary = await bed.CatchUpAsync();
        var indexed = IndexedIds(indexPath);

        Assert.InRange(committedAtKill, 1, papers - 1);
        Assert.InRange(resumedWith, committedAtKill, papers - 1);
        // Only what the last commit did not cover is indexed again: nothing twice, nothing skipped.
        Assert.Equal(papers, resumedWith + summary.Indexed);
        Assert.Equal(indexed.Distinct().Count(), indexed.Count);
        Assert.Equal(await LexicalIndexerTests.StoredIdsAsync(bed), indexed);
    }

    /// <summary>The id of every live document in the last commit, repeats included, in id order.</summary>
    private static List<string> IndexedIds(string path)
    {
        using var directory = FSDirectory.Open(new DirectoryInfo(path));
        using var reader = DirectoryReader.Open(directory);
        var liveDocs = MultiFields.GetLiveDocs(reader);
        var ids = new List<string>(reader.NumDocs);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (liveDocs is null || liveDocs.Get(doc))
            {
                ids.Add(reader.Document(doc).Get(LexicalFields.Id));
            }
        }

        return [.. ids.Order(StringComparer.Ordinal)];
    }

    /// <summary>Documents in the last commit on disk, as a new reader sees it; 0 before the first commit.</summary>
    private static int CommittedDocuments(string path)
    {
        if (!System.IO.Directory.Exists(path))
        {
            return 0;
        }

        try
        {
            using var directory = FSDirectory.Open(new DirectoryInfo(path));
            if (!DirectoryReader.IndexExists(directory))
            {
                return 0;
            }

            using var reader = DirectoryReader.Open(directory);
            return reader.NumDocs;
        }
        catch (IOException)
        {
            // A commit being written right now: look again.
            return 0;
        }
    }
}
