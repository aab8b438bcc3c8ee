using DailyPapers.Tests.Support;

namespace DailyPapers.Tests.Search.Benchmarks;

/// <summary>A tiny BEIR folder written to a temp dir: three passages, three queries (one unjudged), a test split.</summary>
public static class BeirFolder
{
    public static string Create()
    {
        var folder = TestData.NewTempDir("dp-beir");
        File.WriteAllLines(Path.Combine(folder, "corpus.jsonl"),
        [
            """{"_id": "d1", "title": "Statins and breast cancer", "text": "Statin use was linked to lower breast cancer mortality."}""",
            """{"_id": "d2", "title": "Vitamin D", "text": "Vitamin D supplements and bone health in older adults."}""",
            """{"_id": 3, "title": "", "text": "Green tea catechins and cancer cells."}""",
        ]);
        File.WriteAllLines(Path.Combine(folder, "queries.jsonl"),
        [
            """{"_id": "q1", "text": "statins breast cancer"}""",
            """{"_id": "q2", "text": "vitamin bone"}""",
            """{"_id": "q3", "text": "green tea", "metadata": {"url": "http://example.org"}}""",
            """{"_id": "q4", "text": "never judged"}""",
        ]);
        Directory.CreateDirectory(Path.Combine(folder, "qrels"));
        File.WriteAllLines(Path.Combine(folder, "qrels", "test.tsv"),
        [
            "query-id\tcorpus-id\tscore",
            "q1\td1\t2",
            "q2\td2\t1",
            "q3\t3\t1",
            "q3\td2\t1",
        ]);
        return folder;
    }
}
