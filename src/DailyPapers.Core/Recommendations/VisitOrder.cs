namespace DailyPapers.Core.Recommendations;

/// <summary>The order a solver visits rows in: a fresh seeded permutation of the first <c>active</c> rows each pass.</summary>
internal sealed class VisitOrder(int count, int seed)
{
    private readonly Random _random = new(seed);

    public int[] Rows { get; } = Enumerable.Range(0, count).ToArray();

    public void Shuffle(int active)
    {
        // Fisher–Yates on the active prefix; shrinking keeps the inactive rows at the end.
        for (var i = 0; i < active - 1; i++)
        {
            var j = i + _random.Next(active - i);
            (Rows[i], Rows[j]) = (Rows[j], Rows[i]);
        }
    }

    /// <summary>Moves the row at <paramref name="position"/> out of the active prefix; returns the new active count.</summary>
    public int Deactivate(int position, int active)
    {
        active--;
        (Rows[position], Rows[active]) = (Rows[active], Rows[position]);
        return active;
    }
}
