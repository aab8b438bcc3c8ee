using DailyPapers.Infrastructure.Harvesting;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DailyPapers.Tests.Harvesting;

/// <summary>The store and the harvesting services wired as the app wires them, pointed at a fake arXiv.</summary>
public static class HarvestServices
{
    /// <summary>Settings that keep the suite fast: 200 ms between requests, two retries, no start delay.</summary>
    public static Dictionary<string, string?> Settings(TestStore store, Uri arxiv) => new(store.Settings)
    {
        ["Harvest:Enabled"] = "true",
        ["Harvest:Categories"] = "cs.LG cs.CL cs.CV cs.AI stat.ML",
        ["Harvest:OaiPmhBaseUrl"] = new Uri(arxiv, "oai").ToString(),
        ["Harvest:RssBaseUrl"] = arxiv.ToString(),
        ["Harvest:MinRequestInterval"] = "00:00:00.200",
        ["Harvest:MaxRetries"] = "2",
        ["Harvest:RequestTimeout"] = "00:00:05",
        ["Harvest:StartDelay"] = "00:00:00",
        ["Harvest:UserAgent"] = "DailyPapers-tests/1.0 (harvesting tests)",
    };

    public static ServiceProvider Build(
        TestStore store, Uri arxiv, IReadOnlyDictionary<string, string?>? overrides = null, ILoggerProvider? logs = null)
    {
        var settings = Settings(store, arxiv);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging =>
            {
                logging.SetMinimumLevel(LogLevel.Debug);
                if (logs is not null)
                {
                    logging.AddProvider(logs);
                }
            })
            .AddPaperStore(configuration, store.DataDirectory)
            .AddArxivHarvesting(configuration)
            .BuildServiceProvider();
    }
}
