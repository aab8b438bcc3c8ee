using System.Diagnostics.Metrics;

namespace DailyPapers.Infrastructure.Hosting;

/// <summary>
/// The application's own instruments (the "DailyPapers" meter), exported by the site at <c>/metrics</c> beside
/// ASP.NET Core's request metrics. Counters count what this process did: scrape every node.
/// </summary>
public static class DailyPapersMetrics
{
    public const string MeterName = "DailyPapers";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Papers added or changed by an import or a harvest (<c>dailypapers_papers_written_total</c>).</summary>
    public static readonly Counter<long> PapersWritten = Meter.CreateCounter<long>(
        "dailypapers.papers.written", description: "Papers added or changed by imports and harvests in this process");

    /// <summary>Paper vectors embedded and stored (<c>dailypapers_vectors_written_total</c>).</summary>
    public static readonly Counter<long> VectorsWritten = Meter.CreateCounter<long>(
        "dailypapers.vectors.written", description: "Paper vectors embedded and stored by this process");

    /// <summary>Scheduled job runs on this node, by job and outcome (<c>dailypapers_job_runs_total</c>).</summary>
    public static readonly Counter<long> JobRuns = Meter.CreateCounter<long>(
        "dailypapers.job.runs", description: "Scheduled job runs on this node, by job and outcome");
}
