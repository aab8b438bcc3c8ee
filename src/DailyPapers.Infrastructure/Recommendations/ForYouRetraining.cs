using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DailyPapers.Infrastructure.Recommendations;

/// <summary>
/// Retrains a reader's model in the background right after they change a signal on this node ("not interested",
/// "more like this", a save), so the list that the page asks for next finds it trained, or joins the training under
/// way (<see cref="ReaderModels"/> trains each reader and signals version once). A change made elsewhere (another
/// node, a vote) is trained for by the next request instead.
/// </summary>
public sealed class ForYouRetraining(IServiceScopeFactory scopes, ILogger<ForYouRetraining> logger)
{
    public void Queue(string userId) => _ = Task.Run(async () =>
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ForYouRanker>().RankAsync(userId, 1, CancellationToken.None);
        }
        catch (Exception e)
        {
            // Only a head start: the next request trains it, and says why if it cannot.
            logger.LogDebug(e, "Retraining reader {User} in the background did not finish", userId);
        }
    });
}
