using DailyPapers.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace DailyPapers.Infrastructure.Hosting;

public static class JobSchedulerServiceCollectionExtensions
{
    /// <summary>Quartz's table prefix; the tables are created by the store's migrations (QuartzJobStore).</summary>
    public const string TablePrefix = "qrtz_";

    /// <summary>
    /// The web host's scheduler. On PostgreSQL it is Quartz's clustered ADO.NET job store in the store's database, so
    /// that every node may run every job but each job runs on one node at a time, and a job whose node died runs again
    /// on another (jobs ask for recovery). On SQLite (one node) the schedule is in memory. Jobs are added by each
    /// capability (<c>AddHarvestJob</c>, <c>AddEmbeddingJob</c>, <c>AddDigestJobs</c>).
    /// </summary>
    public static IServiceCollection AddJobScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var options = configuration.GetSection(JobOptions.Section).Get<JobOptions>() ?? new JobOptions();
        services.AddQuartz(quartz =>
        {
            // One name for every node: the cluster is the set of schedulers with this name in the same tables.
            quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = "DailyPapers");
            if (!IsPostgres(database) || string.IsNullOrWhiteSpace(database.ConnectionString))
            {
                return;
            }

            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(database.ConnectionString);
                store.ConfigureStore(ado => ado.TablePrefix = TablePrefix);
                store.UseSystemTextJsonSerializer();
                // Clustering gives each process its own generated id (host name and start time), so two nodes on one
                // machine are two members.
                store.UseClustering(cluster =>
                {
                    cluster.CheckinInterval = options.ClusterCheckinInterval;
                    cluster.CheckinMisfireThreshold = options.ClusterCheckinMisfireThreshold;
                });
            });
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return services;
    }

    private static bool IsPostgres(DatabaseOptions database)
    {
        try
        {
            return database.ParseProvider() == StoreProvider.Postgres;
        }
        catch (InvalidOperationException)
        {
            // The store's own registration reports an unknown provider at start; the schedule has nothing to add.
            return false;
        }
    }
}
