namespace DailyPapers.Infrastructure.Hosting;

/// <summary>The wait between rounds of a background loop, which a stopping host ends early.</summary>
internal static class StoppableDelay
{
    /// <summary>True after the whole delay; false when the host stops first.</summary>
    public static async Task<bool> WaitAsync(TimeSpan delay, TimeProvider clock, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, clock, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
