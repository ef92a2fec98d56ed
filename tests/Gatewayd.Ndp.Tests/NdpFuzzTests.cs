using System.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace Gatewayd.Ndp.Tests;

/// <summary>Seeded fuzzing of the RA and RS parsers; GATEWAYD_FUZZ_ITERATIONS and GATEWAYD_FUZZ_SEED override the defaults.</summary>
public sealed class NdpFuzzTests(ITestOutputHelper output)
{
    private static int Iterations => int.TryParse(Environment.GetEnvironmentVariable("GATEWAYD_FUZZ_ITERATIONS"), out int n) && n > 0 ? n : 300_000;

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("GATEWAYD_FUZZ_SEED"), out int s) ? s : 4861;

    [Fact]
    public void Parsers_never_throw_and_accepted_messages_are_stable()
    {
        var random = new Random(Seed);
        byte[][] seeds = [RaVectors.Ngn, RaVectors.WithRoute, RaVectors.Solicitation];
        int accepted = 0;
        var stopwatch = Stopwatch.StartNew();
        for (int i = 0; i < Iterations; i++)
        {
            byte[] input = i % 5 == 0 ? RandomBytes(random) : Mutate(random, seeds[random.Next(seeds.Length)]);
            try
            {
                if (RouterAdvertisement.TryParse(input, out RouterAdvertisement? ra, out NdpParseError? error))
                {
                    accepted++;
                    // Reserved fields are normalized to zero and padding to the minimum, so the first re-serialization
                    // may differ from the input; after that the form must be a fixed point.
                    byte[] once = ra.ToArray();
                    Assert.True(RouterAdvertisement.TryParse(once, out RouterAdvertisement? again, out _));
                    Assert.Equal(once, again.ToArray());
                    Assert.Equal(ra.Options.Count, again.Options.Count);
                }
                else
                {
                    Assert.InRange(error.Offset, 0, input.Length);
                }

                if (RouterSolicitation.TryParse(input, out RouterSolicitation? rs, out _))
                {
                    accepted++;
                    byte[] once = rs.ToArray();
                    Assert.True(RouterSolicitation.TryParse(once, out RouterSolicitation? again, out _));
                    Assert.Equal(once, again.ToArray());
                }
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"iteration {i} (seed {Seed}) threw {e.GetType().Name}: {e.Message}\ninput: {Convert.ToHexString(input)}");
            }
        }

        output.WriteLine($"{Iterations} inputs (seed {Seed}), {accepted} accepted, {stopwatch.Elapsed.TotalSeconds:F2} s");
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 200)];
        random.NextBytes(bytes);
        if (bytes.Length > 1)
        {
            bytes[0] = random.Next(2) == 0 ? (byte)0x86 : (byte)0x85;
            bytes[1] = 0;
        }

        return bytes;
    }

    private static byte[] Mutate(Random random, byte[] seed)
    {
        var bytes = new List<byte>(seed);
        for (int m = 1 + random.Next(4); m > 0 && bytes.Count > 0; m--)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 2:
                    for (int k = random.Next(1, 9); k > 0; k--)
                        bytes.Insert(at, (byte)random.Next(256));
                    break;
                case 3:
                    bytes[at] = (byte)(bytes[at] + random.Next(-3, 4));
                    break;
                case 4:
                    bytes[at] = random.Next(2) == 0 ? (byte)0x00 : (byte)0xff;
                    break;
                default:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(1, 6)));
                    break;
            }
        }

        return [.. bytes];
    }
}
