using System.Net;

namespace Gatewayd.Netlink.Tests.Codec;

/// <summary>Seeded mutation fuzzing of every decoder: nothing may throw, and whatever is accepted must round-trip.</summary>
public class FuzzTests
{
    private const int Iterations = 120_000;

    private static List<byte[]> Corpus()
    {
        var corpus = new List<byte[]>();
        foreach (var fixture in new[] { "links", "addresses", "routes4", "routes6", "rules4", "rules6", "ip6tnl-rejected", "route-delete-esrch" })
        {
            corpus.AddRange(HexFixture.Messages(fixture));
        }

        var request = HexFixture.Datagrams("ip6tnl-request")[1];
        corpus.Add(request);
        corpus.Add(new AddressInfo { Family = InetFamily.IPv6, PrefixLength = 128, Index = 3, Address = IPAddress.Parse("2001:db8::1"), Flags = AddressFlags.NoDad, Lifetime = new(60, 120), Protocol = 0x9d }
            .ToMessage(RtMessageType.NewAddress, NetlinkMessageFlags.Request));
        corpus.Add(new RouteInfo { Family = InetFamily.IPv6, DestinationLength = 0, Gateway = IPAddress.Parse("fe80::1"), OutputInterface = 2, Table = 1000, ExpiresSeconds = 1800 }
            .ToMessage(RtMessageType.NewRoute, NetlinkMessageFlags.Request));
        corpus.Add(new RuleInfo { Family = InetFamily.IPv4, Priority = 1000, FirewallMark = 1, FirewallMask = 0xff, Table = 300, OutputInterface = "mape0", Source = IPAddress.Parse("10.0.0.0"), SourceLength = 8, Protocol = 0x9d }
            .ToMessage(RtMessageType.NewRule, NetlinkMessageFlags.Request));
        return corpus;
    }

    [Fact]
    public void MutatedAndRandomMessages_NeverThrow_AndAcceptedOnesRoundTrip()
    {
        var random = new Random(20261122);
        var corpus = Corpus();
        var accepted = 0;
        for (var i = 0; i < Iterations; i++)
        {
            var message = Mutate(random, corpus[random.Next(corpus.Count)]);
            try
            {
                accepted += RoundTrip.Check(message) ? 1 : 0;
                _ = RtNetlinkEvent.TryParse(message, out _, out _);
                _ = NetlinkErrorMessage.TryParse(message, out _, out _);
                var reader = new NetlinkMessageReader(message);
                while (reader.TryReadNext(out _, out _))
                {
                }
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"iteration {i}: {e.GetType().Name} {e.Message} on {Convert.ToHexString(message)}");
            }
        }

        // The mutations must leave plenty of valid messages, or the round-trip half would test nothing.
        Assert.InRange(accepted, Iterations / 10, Iterations);
    }

    private static byte[] Mutate(Random random, byte[] seed)
    {
        var bytes = (byte[])seed.Clone();
        switch (random.Next(7))
        {
            case 0: // flip a few bytes
                for (var n = random.Next(1, 4); n > 0; n--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                break;
            case 1: // truncate (and usually fix nlmsg_len so the damage reaches the attributes)
                bytes = bytes[..random.Next(bytes.Length + 1)];
                if (bytes.Length >= 4 && random.Next(4) != 0)
                {
                    BitConverter.TryWriteBytes(bytes, bytes.Length);
                }

                break;
            case 2: // corrupt one attribute-looking length field
                if (bytes.Length > 20)
                {
                    var at = 16 + (random.Next((bytes.Length - 16) / 4) * 4);
                    BitConverter.TryWriteBytes(bytes.AsSpan(at), (ushort)random.Next(0, 64));
                }

                break;
            case 3: // append garbage and claim it
                bytes = [.. bytes, .. RandomBytes(random, random.Next(1, 24))];
                BitConverter.TryWriteBytes(bytes, bytes.Length);
                break;
            case 4: // entirely random, sometimes with a plausible header
                bytes = RandomBytes(random, random.Next(0, 96));
                if (bytes.Length >= 16 && random.Next(2) == 0)
                {
                    BitConverter.TryWriteBytes(bytes, bytes.Length);
                    BitConverter.TryWriteBytes(bytes.AsSpan(4), (ushort)random.Next(16, 35));
                }

                break;
            case 5: // change the family byte
                if (bytes.Length > 16)
                {
                    bytes[16] = (byte)(random.Next(3) switch { 0 => 2, 1 => 10, _ => random.Next(256) });
                }

                break;
            default: // leave it whole (the unmutated seeds must round-trip too)
                break;
        }

        return bytes;
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
