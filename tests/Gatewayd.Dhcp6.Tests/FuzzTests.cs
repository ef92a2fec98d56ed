using System.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace Gatewayd.Dhcp6.Tests;

/// <summary>
/// Seeded, reproducible fuzzing of <see cref="Dhcp6Message.TryParse"/>. Set GATEWAYD_FUZZ_ITERATIONS to run millions and
/// GATEWAYD_FUZZ_SEED to replay another sequence.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private static int Iterations => int.TryParse(Environment.GetEnvironmentVariable("GATEWAYD_FUZZ_ITERATIONS"), out int n) && n > 0 ? n : 300_000;

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("GATEWAYD_FUZZ_SEED"), out int s) ? s : 8415;

    [Fact]
    public void Parser_never_throws_and_accepted_messages_round_trip()
    {
        var random = new Random(Seed);
        byte[][] seeds = [.. Vectors.AllMessages];
        int accepted = 0;
        var stopwatch = Stopwatch.StartNew();
        for (int i = 0; i < Iterations; i++)
        {
            byte[] input = i % 5 == 0 ? RandomBytes(random) : Mutate(random, seeds[random.Next(seeds.Length)]);
            bool ok;
            Dhcp6Message? message;
            Dhcp6ParseError? error;
            try
            {
                ok = Dhcp6Message.TryParse(input, out message, out error);
            }
            catch (Exception e)
            {
                Assert.Fail($"iteration {i} (seed {Seed}) threw {e.GetType().Name}: {e.Message}\ninput: {Convert.ToHexString(input)}");
                throw;
            }

            if (!ok)
            {
                Assert.InRange(error!.Offset, 0, input.Length);
                continue;
            }

            accepted++;
            byte[] written = message!.ToArray();
            // Every field is kept as sent, so an accepted message re-serializes to the very same bytes.
            Assert.True(input.AsSpan().SequenceEqual(written), $"iteration {i}: round trip differs\ninput: {Convert.ToHexString(input)}");
            Assert.True(Dhcp6Message.TryParse(written, out Dhcp6Message? again, out _));
            Assert.True(message.WireEquals(again));
        }

        output.WriteLine($"{Iterations} inputs (seed {Seed}), {accepted} accepted, {stopwatch.Elapsed.TotalSeconds:F2} s");
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 300)];
        random.NextBytes(bytes);
        if (bytes.Length > 0)
            bytes[0] = (byte)random.Next(0, 15); // mostly plausible message types, so option parsing is reached
        return bytes;
    }

    private static byte[] Mutate(Random random, byte[] seed)
    {
        var bytes = new List<byte>(seed);
        int mutations = 1 + random.Next(4);
        for (int m = 0; m < mutations && bytes.Count > 0; m++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0: // bit flip
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1: // truncation
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 2: // inserted bytes
                    for (int k = random.Next(1, 9); k > 0; k--)
                        bytes.Insert(at, (byte)random.Next(256));
                    break;
                case 3: // length-field edit: small nudge to a likely length byte
                    bytes[at] = (byte)(bytes[at] + random.Next(-3, 4));
                    break;
                case 4: // length-field edit: extreme value
                    bytes[at] = random.Next(2) == 0 ? (byte)0x00 : (byte)0xff;
                    break;
                default: // deletion of a range
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(1, 6)));
                    break;
            }
        }

        return [.. bytes];
    }
}
