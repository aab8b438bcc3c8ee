using System.Buffers;
using System.Text.Json;
using DailyPapers.Infrastructure.Search;
using DailyPapers.Infrastructure.Storage;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace DailyPapers.Web.Health;

/// <summary>
/// <c>/healthz</c>: the process answers (for systemd and a load balancer's liveness probe; touches nothing).
/// <c>/readyz</c>: this node should get traffic — the store answers, its schema is this version's, and the search index
/// has at most <see cref="WebOptions.ReadyMaxIndexLag"/> changed papers left to index; 503 with the reasons otherwise. Both
/// answer JSON, never cached.
/// </summary>
public static class HealthEndpoints
{
    private const string Ready = "ready";

    public static IServiceCollection AddReadiness(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<StoreReadiness>("store", tags: [Ready])
            .AddCheck<SearchIndexReadiness>("search-index", tags: [Ready]);
        return services;
    }

    public static void MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).ExcludeFromDescription();
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync }).ExcludeFromDescription();
    }

    private static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        // Written to memory first: Kestrel refuses the synchronous writes Utf8JsonWriter makes to a stream.
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            Write(json, report);
        }

        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
    }

    private static void Write(Utf8JsonWriter json, HealthReport report)
    {
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString().ToLowerInvariant());
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status", entry.Status.ToString().ToLowerInvariant());
            json.WriteString("description", entry.Description);
            foreach (var (key, value) in entry.Data)
            {
                json.WritePropertyName(key);
                JsonSerializer.Serialize(json, value);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }
}

/// <summary>The store answers and its schema is this version's (not behind, not ahead).</summary>
internal sealed class StoreReadiness(StoreContextFactory store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var state = await StoreSchema.ReadAsync(store, cancellationToken);
            return state switch
            {
                { Unknown.Count: > 0 } => HealthCheckResult.Unhealthy($"the schema is newer than this node: {state.Unknown.Count} migration(s) it does not know"),
                { Pending.Count: > 0 } => HealthCheckResult.Unhealthy($"{state.Pending.Count} migration(s) not applied: run dailypapers migrate"),
                _ => HealthCheckResult.Healthy($"{StoreSchema.Describe(store)}, migrations current"),
            };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"cannot reach the store: {e.GetBaseException().Message}");
        }
    }
}

/// <summary>The node's search index has applied the store's changes to within the allowed lag.</summary>
internal sealed class SearchIndexReadiness(SearchIndexLag lag, SearchIndexVersion index, IOptions<WebOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var allowed = options.Value.ReadyMaxIndexLag;
        IndexLag now;
        try
        {
            now = await lag.ReadAsync(allowed, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"cannot read the store's changes: {e.GetBaseException().Message}");
        }

        var data = new Dictionary<string, object> { ["indexApplied"] = now.Applied, ["lag"] = now.Pending };
        if (index.VectorsLoaded is { } loaded)
        {
            data["vectorsLoaded"] = loaded;
        }

        if (now.Applied < 0)
        {
            return HealthCheckResult.Unhealthy("the search index is held by a reindex", data: data);
        }

        return now.Pending <= allowed
            ? HealthCheckResult.Healthy($"{now.Pending} changed paper(s) not indexed yet", data)
            : HealthCheckResult.Unhealthy($"more than {allowed} changed papers not indexed yet", data: data);
    }
}
