using DailyPapers.Infrastructure.Search.Lexical;
using DailyPapers.Infrastructure.Search.Vectors;
using DailyPapers.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DailyPapers.Tests.Support;

/// <summary>
/// The real web app on a real loopback port, over a test store; harvesting is off so nothing leaves the machine, and
/// background embedding is off so that tests do not compete for the cores (<see cref="SearchReadyAsync"/> embeds).
/// </summary>
public sealed class RunningApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningApp(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<RunningApp> StartAsync(TestStore store, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var app = WebApp.Create(store.DataDirectory, [], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(store.Settings);
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Harvest:Enabled"] = "false",
                ["Search:Embeddings:Background"] = "false",
            });
            if (settings is not null)
            {
                builder.Configuration.AddInMemoryCollection(settings);
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningApp(app, new Uri(address));
    }

    /// <summary>
    /// Brings search up to date with the store now instead of within seconds: the lexical index caught up and, with
    /// <paramref name="withVectors"/>, every paper embedded and loaded into the vector index.
    /// </summary>
    public async Task SearchReadyAsync(bool withVectors = false)
    {
        await Services.GetRequiredService<LexicalIndexer>().CatchUpAsync(CancellationToken.None);
        if (!withVectors)
        {
            // Vectors stored before the start are loaded (a search never says "still starting up"), none are made.
            if (Services.GetService<VectorIndexFollower>() is { } follower)
            {
                await follower.CatchUpAsync(CancellationToken.None);
            }

            return;
        }

        var embedder = Services.GetRequiredService<PaperEmbedder>();
        while ((await embedder.EmbedBatchAsync(CancellationToken.None)).Papers > 0)
        {
        }

        await Services.GetRequiredService<VectorIndexFollower>().CatchUpAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
