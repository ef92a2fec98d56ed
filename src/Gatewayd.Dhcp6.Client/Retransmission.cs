namespace Gatewayd.Dhcp6.Client;

/// <summary>One message exchange's retransmission parameters (RFC 8415 section 15).</summary>
/// <param name="Initial">IRT.</param>
/// <param name="Maximum">MRT, or zero for no cap.</param>
/// <param name="MaxCount">MRC, or zero for no limit.</param>
/// <param name="MaxDuration">MRD, or null for no limit.</param>
internal readonly record struct Retransmission(TimeSpan Initial, TimeSpan Maximum, int MaxCount, TimeSpan? MaxDuration)
{
    /// <summary>
    /// The next RT. RFC 8415 15: RT = IRT + RAND*IRT first, then 2*RTprev + RAND*RTprev, and past MRT, MRT + RAND*MRT,
    /// RAND uniform in [-0.1, 0.1]. The first Solicit's RAND must be strictly positive (17.1.2).
    /// </summary>
    public TimeSpan Next(TimeSpan? previous, Random random, bool firstSolicit = false)
    {
        var rand = firstSolicit ? PositiveRand(random) : Rand(random);
        var rt = previous is not { } prev ? Initial + Initial * rand : prev * 2 + prev * rand;
        if (Maximum > TimeSpan.Zero && rt > Maximum)
            rt = Maximum + Maximum * Rand(random);
        return rt;
    }

    private static double Rand(Random random) => (random.NextDouble() * 0.2) - 0.1;

    private static double PositiveRand(Random random) => (1.0 - random.NextDouble()) * 0.1;
}
