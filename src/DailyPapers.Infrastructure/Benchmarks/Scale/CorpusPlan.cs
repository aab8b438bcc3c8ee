using System.Globalization;

namespace DailyPapers.Infrastructure.Benchmarks.Scale;

/// <summary>
/// Which papers a generated corpus has, decided from (number of sources, number of papers, seed) alone: ids in arXiv's
/// new style from 0704 to 2612, more papers per month as the years go on (as arXiv's own submissions grew), four-digit
/// numbers to 1412 and five from 1501; each paper's dates, versions and sources drawn from its own seeded stream.
/// </summary>
public sealed class CorpusPlan
{
    public const int MonthCount = 237;

    // 2007-04 is month 0; 2015-01, the first month with five-digit numbers, is month 93.
    private const int FirstFiveDigitMonth = 93;

    private static readonly DateTime LastDate = new(2026, 12, 31, 23, 59, 59, DateTimeKind.Utc);

    private static readonly string?[] Licenses =
    [
        null,
        "http://arxiv.org/licenses/nonexclusive-distrib/1.0/",
        "http://creativecommons.org/licenses/by/4.0/",
        "http://creativecommons.org/licenses/by-nc-sa/4.0/",
        "http://creativecommons.org/licenses/by-sa/4.0/",
        "http://creativecommons.org/licenses/by-nc-nd/4.0/",
        "http://creativecommons.org/publicdomain/zero/1.0/",
    ];

    // Cumulative shares of the licences above, and of papers with 1–5 versions (as in the real snapshot's first lines).
    private static readonly double[] LicenseShares = [0.15, 0.75, 0.90, 0.94, 0.96, 0.98, 1.0];
    private static readonly double[] VersionShares = [0.56, 0.86, 0.96, 0.985, 1.0];

    private readonly int[] _perMonth;
    private readonly long[] _startOfMonth;

    public CorpusPlan(int sourceCount, long papers, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sourceCount, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(papers);
        if (papers > MaxPapers)
        {
            throw new ArgumentOutOfRangeException(nameof(papers), papers, $"at most {MaxPapers:N0} papers have ids in 0704–2612");
        }

        SourceCount = sourceCount;
        Count = papers;
        Seed = seed;
        _perMonth = Quotas(papers);
        _startOfMonth = new long[MonthCount + 1];
        for (var m = 0; m < MonthCount; m++)
        {
            _startOfMonth[m + 1] = _startOfMonth[m] + _perMonth[m];
        }
    }

    /// <summary>Every id of 0704.0001–1412.9999 and 1501.00001–2612.99999.</summary>
    public static long MaxPapers { get; } = Enumerable.Range(0, MonthCount).Sum(m => (long)Capacity(m));

    public int SourceCount { get; }

    public long Count { get; }

    public ulong Seed { get; }

    /// <summary>Papers in the corpus, in id (and file) order.</summary>
    public IEnumerable<GeneratedPaper> Papers()
    {
        for (var month = 0; month < MonthCount; month++)
        {
            for (var number = 1; number <= _perMonth[month]; number++)
            {
                yield return Paper(month, number);
            }
        }
    }

    /// <summary>The paper at <paramref name="index"/>, drawn alone.</summary>
    public GeneratedPaper Paper(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var found = Array.BinarySearch(_startOfMonth, index);
        var month = found >= 0 ? found : ~found - 1;
        while (_perMonth[month] == 0 || _startOfMonth[month + 1] <= index)
        {
            month++;
        }

        return Paper(month, (int)(index - _startOfMonth[month]) + 1);
    }

    /// <summary>"0704" for month 0, "2612" for the last.</summary>
    public static string YearMonth(int month)
    {
        var (year, monthOfYear) = YearAndMonth(month);
        return string.Create(CultureInfo.InvariantCulture, $"{year % 100:D2}{monthOfYear:D2}");
    }

    private GeneratedPaper Paper(int month, int number)
    {
        var index = _startOfMonth[month] + number - 1;
        var random = new SeededRandom(Seed, index);
        var id = YearMonth(month) + "." + number.ToString(month < FirstFiveDigitMonth ? "D4" : "D5", CultureInfo.InvariantCulture);

        // Numbers grow with time within a month, as arXiv's do.
        var (year, monthOfYear) = YearAndMonth(month);
        var days = DateTime.DaysInMonth(year, monthOfYear);
        var first = new DateTime(year, monthOfYear, 1, 0, 0, 0, DateTimeKind.Utc)
            .AddDays((long)(number - 1) * days / _perMonth[month])
            .AddSeconds(random.Next(86_400));
        var versions = new List<DateTime> { first };
        var versionCount = Pick(VersionShares, random.NextDouble()) + 1;
        for (var v = 1; v < versionCount; v++)
        {
            var next = versions[^1].AddDays(1 + random.Next(365)).AddSeconds(random.Next(86_400));
            if (next > LastDate)
            {
                break;
            }

            versions.Add(next);
        }

        var title = random.Next(SourceCount);
        var summary = random.Next(SourceCount);
        int? second = random.NextDouble() < 0.6 ? (summary + 1 + random.Next(SourceCount - 1)) % SourceCount : null;
        var split = 0.3 + (0.4 * random.NextDouble());
        var authors = random.Next(SourceCount);
        var license = Licenses[Pick(LicenseShares, random.NextDouble())];
        return new GeneratedPaper(index, id, versions, title, summary, second, split, authors, license);
    }

    private static int Pick(double[] cumulativeShares, double draw)
    {
        var i = 0;
        while (i < cumulativeShares.Length - 1 && draw >= cumulativeShares[i])
        {
            i++;
        }

        return i;
    }

    private static (int Year, int Month) YearAndMonth(int month) => (2007 + ((month + 3) / 12), ((month + 3) % 12) + 1);

    private static int Capacity(int month) => month < FirstFiveDigitMonth ? 9_999 : 99_999;

    /// <summary>
    /// Papers per month in proportion to a weight growing linearly from 5,000 (2007) to 24,000 (2026), about arXiv's
    /// monthly submissions then and now; months that would pass their id capacity are filled and the rest shared
    /// again. Integer arithmetic, so every machine splits the same way.
    /// </summary>
    private static int[] Quotas(long papers)
    {
        var weights = Enumerable.Range(0, MonthCount).Select(m => (5_000L * (MonthCount - 1)) + (19_000L * m)).ToArray();
        var quotas = new int[MonthCount];
        var full = new bool[MonthCount];
        var remaining = papers;
        while (true)
        {
            var open = Enumerable.Range(0, MonthCount).Where(m => !full[m]).ToList();
            var total = open.Sum(m => weights[m]);
            var shares = open.Select(m => (Month: m, Share: Math.DivRem(remaining * weights[m], total))).ToList();
            var leftover = remaining - shares.Sum(s => s.Share.Quotient);

            // Largest remainders first, earlier months on ties.
            var extra = shares.OrderByDescending(s => s.Share.Remainder).ThenBy(s => s.Month).Take((int)leftover).Select(s => s.Month).ToHashSet();
            var over = false;
            foreach (var (month, share) in shares)
            {
                var quota = share.Quotient + (extra.Contains(month) ? 1 : 0);
                if (quota > Capacity(month))
                {
                    quotas[month] = Capacity(month);
                    full[month] = true;
                    remaining -= Capacity(month);
                    over = true;
                }
                else
                {
                    quotas[month] = (int)quota;
                }
            }

            if (!over)
            {
                return quotas;
            }
        }
    }
}
