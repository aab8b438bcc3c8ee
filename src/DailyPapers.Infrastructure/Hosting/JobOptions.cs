namespace DailyPapers.Infrastructure.Hosting;

/// <summary>
/// The <c>Jobs</c> configuration section: how the nodes of a PostgreSQL deployment share the scheduled jobs (harvest,
/// embedding, digest planning, outbox sending). A SQLite store has one node and keeps its schedule in memory.
/// </summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>How often each node tells the others, in the job store, that it is alive.</summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a node may miss its check-ins before the others take over its jobs: a job it was running when it died
    /// runs again on another node, and its triggers fire there.
    /// </summary>
    public TimeSpan ClusterCheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(15);
}
