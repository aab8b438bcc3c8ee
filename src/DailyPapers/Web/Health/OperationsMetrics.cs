using System.Diagnostics.Metrics;
using DailyPapers.Infrastructure.Digests;
using DailyPapers.Infrastructure.Hosting;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Search;
using DailyPapers.Infrastructure.Search.Embeddings;
using DailyPapers.Infrastructure.Search.Vectors;
using DailyPapers.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using OpenTelemetry.Metrics;
using Quartz;

namespace DailyPapers.Web.Health;

/// <summary>
/// <c>/metrics</c> in Prometheus's text format, by OpenTelemetry: ASP.NET Core's request rate and latency by route
/// (<c>http_server_request_duration_seconds</c>), Kestrel's connections, the runtime's GC and threads, and the
/// "DailyPapers" meter — papers and vectors written, job runs by job, and the state sampled every
/// <see cref="SampleInterval"/>: outbox depth and age, search index lag. Scrape each node; keep it from the public (see
/// docs/deploy.md's nginx configuration).
/// </summary>
public static class OperationsMetrics
{
    public static readonly TimeSpan SampleInterval = TimeSpan.FromSeconds(15);

    public static IServiceCollection AddOperationsMetrics(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddMeter("Microsoft.AspNetCore.Server.Kestrel", "System.Runtime", "Npgsql", DailyPapersMetrics.MeterName)
            .AddPrometheusExporter());
        services.AddSingleton<OperationsSampler>();
        services.AddHostedService(provider => provider.GetRequiredService<OperationsSampler>());
        services.AddQuartz(quartz => quartz.AddJobListener<JobRunMetrics>());
        return services;
    }

    public static void MapOperationsMetrics(this WebApplication app) =>
        app.MapPrometheusScrapingEndpoint("/metrics").ExcludeFromDescription();
}

/// <summary>
/// Reads the state a scrape reports (outbox depth and oldest message, search index lag, embedding backlog) every
/// <see cref="OperationsMetrics.SampleInterval"/>, so that scrapes, however frequent, cost the store nothing.
/// </summary>
public sealed class OperationsSampler : BackgroundService
{
    /// <summary>Lag is counted up to this many papers: beyond it the exact number does not matter, and counting it would.</summary>
    private const long LagCap = 1_000_000;

    private readonly StoreContextFactory _store;
    private readonly SearchIndexLag _lag;
    private readonly ILogger<OperationsSampler> _logger;
    private readonly EmbeddingBacklog? _backlog;
    private long _outboxPending;
    private double _outboxOldestSeconds;
    private long _indexLag;
    private long _embeddingBacklog = -1;

    public OperationsSampler(
        StoreContextFactory store, SearchIndexLag lag, PaperVectorStore vectors, StoreVersion version, IServiceProvider services, IMeterFactory meters, ILogger<OperationsSampler> logger)
    {
        (_store, _lag, _logger) = (store, lag, logger);
        // Registered only when embeddings are on; without it there is no backlog to report.
        if (services.GetService<EmbeddingModelProfile>() is { } model)
        {
            _backlog = new EmbeddingBacklog(vectors, version, model.Name, TimeProvider.System, services.GetService<EmbeddingWindow>());
        }
        // This host's meter (the DI container's factory), so that each app in a process reports its own state.
        var meter = meters.Create(DailyPapersMetrics.MeterName);
        meter.CreateObservableGauge("dailypapers.outbox.pending", () => Interlocked.Read(ref _outboxPending), description: "Messages in the outbox not sent yet (waiting, retrying or being sent)");
        meter.CreateObservableGauge("dailypapers.outbox.oldest.age", () => Volatile.Read(ref _outboxOldestSeconds), "s", "Age of the oldest message not sent yet");
        meter.CreateObservableGauge("dailypapers.search.index.lag", () => Interlocked.Read(ref _indexLag), description: "Changed papers this node's search index has not applied yet");
        meter.CreateObservableGauge("dailypapers.embedding.backlog", () => Interlocked.Read(ref _embeddingBacklog), description: "Papers without a current vector, inside Search:Embeddings:Since (falls as embedding proceeds; -1 when embeddings are off)");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(OperationsMetrics.SampleInterval);
        do
        {
            try
            {
                await SampleAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The store is down or busy: the gauges keep their last values, /readyz says what is wrong.
                _logger.LogDebug(e, "Sampling the outbox and index lag failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        await using var context = _store.CreateContext();
        var waiting = context.Outbox.AsNoTracking().Where(o => o.Status == OutboxStatus.Pending || o.Status == OutboxStatus.Sending);
        var pending = await waiting.LongCountAsync(cancellationToken);
        var oldest = pending == 0 ? (DateTime?)null : await waiting.MinAsync(o => (DateTime?)o.CreatedAt, cancellationToken);
        Interlocked.Exchange(ref _outboxPending, pending);
        Volatile.Write(ref _outboxOldestSeconds, oldest is { } at ? Math.Max(0, (DateTime.UtcNow - DateTime.SpecifyKind(at, DateTimeKind.Utc)).TotalSeconds) : 0);
        var now = await _lag.ReadAsync(LagCap, cancellationToken);
        Interlocked.Exchange(ref _indexLag, now.Applied < 0 ? -1 : now.Pending);
        if (_backlog is not null)
        {
            Interlocked.Exchange(ref _embeddingBacklog, await _backlog.SampleAsync(cancellationToken));
        }
    }
}
