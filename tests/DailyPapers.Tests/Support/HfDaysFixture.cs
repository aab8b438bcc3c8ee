using System.Text.Json;

namespace DailyPapers.Tests.Support;

/// <summary>The committed Hugging Face days, counted with plain JSON so that tests of the importer have their own measure.</summary>
public static class HfDaysFixture
{
    public static string Folder => TestData.Path("hf-daily-papers");

    /// <summary>How many items the days' arrays hold, and how many distinct papers they name (a paper may be listed twice).</summary>
    public static (int Items, int Papers) Count()
    {
        var items = 0;
        var papers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Folder, "*.json"))
        {
            using var day = JsonDocument.Parse(File.ReadAllBytes(file));
            foreach (var item in day.RootElement.EnumerateArray())
            {
                items++;
                papers.Add(item.GetProperty("paper").GetProperty("id").GetString()!);
            }
        }

        return (items, papers.Count);
    }
}
