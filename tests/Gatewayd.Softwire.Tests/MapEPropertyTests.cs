using System.Net;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Gatewayd.Softwire.Tests;

/// <summary>
/// RFC 7597 invariants over random rules and prefixes. The expected values come from bit-by-bit reads of the address bytes
/// and from the RFC's port-to-PSID formula, not from the library's own arithmetic.
/// </summary>
public class MapEPropertyTests
{
    [Property(MaxTest = 300)]
    public Property PortBlocks_AreSortedDisjointAndShapedPerRfc() =>
        Prop.ForAll(RuleCase.Arbitrary(), c =>
        {
            MapeResult r = MapE.Calculate(c.Prefix, c.Rule, c.Form);
            int a = c.Rule.PsidOffset;
            int k = r.PsidLength;
            int m = 16 - a - k;

            for (int i = 0; i < r.PortBlocks.Count; i++)
            {
                Assert.InRange(r.PortBlocks[i].Start, 0, r.PortBlocks[i].End);
                Assert.InRange(r.PortBlocks[i].End, 0, 65535);
                if (i > 0)
                {
                    Assert.True(r.PortBlocks[i].Start > r.PortBlocks[i - 1].End, $"block {i} overlaps or is out of order");
                }
            }

            if (k == 0)
            {
                Assert.Equal([new PortRange(0, 65535)], r.PortBlocks);
            }
            else if (a == 0)
            {
                Assert.Equal([new PortRange(r.Psid << m, (r.Psid << m) + (1 << m) - 1)], r.PortBlocks);
            }
            else
            {
                Assert.All(r.PortBlocks, b => Assert.True(b.Start >= 1 << (16 - a), $"{b} is in the excluded A = 0 range"));
                Assert.All(r.PortBlocks, b => Assert.Equal(1 << m, b.Count));
                Assert.Equal(((1 << a) - 1) * (1 << m), r.PortCount);
            }
        });

    [Property(MaxTest = 200)]
    public Property PortBlocks_HoldExactlyThePortsWhosePsidIsTheCes() =>
        Prop.ForAll(RuleCase.Arbitrary(), c =>
        {
            MapeResult r = MapE.Calculate(c.Prefix, c.Rule, c.Form);
            int a = c.Rule.PsidOffset;
            int k = r.PsidLength;
            int m = 16 - a - k;
            var inBlocks = new bool[65536];
            foreach (PortRange block in r.PortBlocks)
            {
                for (int port = block.Start; port <= block.End; port++)
                {
                    inBlocks[port] = true;
                }
            }

            for (int port = 0; port < 65536; port++)
            {
                // RFC 7597 section 5.1: PSID = (port >> m) & (2^k - 1); ports whose top a bits are 0 are excluded when a > 0.
                bool expected = k == 0 || (((port >> m) & ((1 << k) - 1)) == r.Psid && (a == 0 || port >> (16 - a) != 0));
                Assert.True(expected == inBlocks[port], $"port {port}: RFC says {expected}, blocks say {inBlocks[port]}");
            }
        });

    [Property(MaxTest = 300)]
    public Property Calculate_Ipv4AndPsidAreTheEaBitsReadFromThePrefixBytes() =>
        Prop.ForAll(RuleCase.Arbitrary(), c =>
        {
            MapeResult r = MapE.Calculate(c.Prefix, c.Rule, c.Form);
            byte[] prefix = c.Prefix.BaseAddress.GetAddressBytes();
            int p6 = c.Rule.Ipv6Prefix.PrefixLength;
            int o = c.Rule.EaBitsLength;
            int p = 32 - c.Rule.Ipv4Prefix.PrefixLength;
            int k = o - p;

            // EA bits one at a time, MSB first: the first p are the IPv4 suffix, the next k the PSID (RFC 7597 section 5.2).
            byte[] ipv4 = c.Rule.Ipv4Prefix.BaseAddress.GetAddressBytes();
            int psid = 0;
            for (int i = 0; i < o; i++)
            {
                int bit = (prefix[(p6 + i) / 8] >> (7 - ((p6 + i) % 8))) & 1;
                if (i < p)
                {
                    int v4Bit = 32 - p + i;
                    ipv4[v4Bit / 8] |= (byte)(bit << (7 - (v4Bit % 8)));
                }
                else
                {
                    psid = (psid << 1) | bit;
                }
            }

            Assert.Equal(new IPAddress(ipv4), r.Ipv4Address);
            Assert.Equal(psid, r.Psid);
            Assert.Equal(k, r.PsidLength);
            Assert.Equal(32, r.Ipv4PrefixLength);
            Assert.True(c.Rule.Ipv4Prefix.Contains(r.Ipv4Address), $"{r.Ipv4Address} is outside {c.Rule.Ipv4Prefix}");
        });

    [Property(MaxTest = 300)]
    public Property Calculate_CeIsFirstSlash64PlusInterfaceIdLaidOutByteByByte() =>
        Prop.ForAll(RuleCase.Arbitrary(), c =>
        {
            MapeResult r = MapE.Calculate(c.Prefix, c.Rule, c.Form);
            byte[] ce = r.CeAddress.GetAddressBytes();
            byte[] prefix = c.Prefix.BaseAddress.GetAddressBytes();
            byte[] v4 = r.Ipv4Address.GetAddressBytes();
            byte psidHigh = (byte)(r.Psid >> 8);
            byte psidLow = (byte)r.Psid;
            byte[] iid = c.Form == InterfaceIdForm.Rfc7597
                ? [0, 0, v4[0], v4[1], v4[2], v4[3], psidHigh, psidLow]
                : [0, v4[0], v4[1], v4[2], v4[3], psidHigh, psidLow, 0];

            // The generated prefix has no bits past its length, so its first 8 bytes are its first /64.
            Assert.Equal(prefix[..8], ce[..8]);
            Assert.Equal(iid, ce[8..]);
        });

    [Property(MaxTest = 100)]
    public Property Calculate_LongerPrefixesInsideTheSameEndUserPrefix_ShareIpv4AndPsid() =>
        Prop.ForAll(RuleCase.Arbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (c, salt) =>
        {
            int endUser = c.Rule.EndUserPrefixLength;
            if (c.Prefix.PrefixLength >= 64)
            {
                return;
            }

            // A /64 inside the prefix, with arbitrary subnet bits past the prefix length.
            byte[] bytes = c.Prefix.BaseAddress.GetAddressBytes();
            ulong subnetMask = c.Prefix.PrefixLength == 0 ? ulong.MaxValue : (1UL << (64 - c.Prefix.PrefixLength)) - 1;
            ulong subnet = (ulong)salt & subnetMask;
            ulong high = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes) | subnet;
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes, high);
            var slash64 = new IPNetwork(new IPAddress(bytes), 64);

            MapeResult wide = MapE.Calculate(c.Prefix, c.Rule, c.Form);
            MapeResult narrow = MapE.Calculate(slash64, c.Rule, c.Form);

            Assert.True(endUser <= c.Prefix.PrefixLength);
            Assert.Equal(wide.Ipv4Address, narrow.Ipv4Address);
            Assert.Equal(wide.Psid, narrow.Psid);
            Assert.Equal(bytes[..8], narrow.CeAddress.GetAddressBytes()[..8]);
            Assert.Equal(wide.CeAddress.GetAddressBytes()[8..], narrow.CeAddress.GetAddressBytes()[8..]);
        });

    [Property(MaxTest = 200)]
    public Property Calculate_EaBitsShorterThanIpv4Suffix_AssignsPrefixOfLengthP4PlusO() =>
        Prop.ForAll(
            Gen.Choose(0, 31).SelectMany(p4 => Gen.Choose(0, 31 - p4).Select(o => (p4, o)))
                .SelectMany(t => Gen.Choose(0, 64 - t.o).Select(p6 => (t.p4, t.o, p6)))
                .SelectMany(t => Gen.Choose(int.MinValue, int.MaxValue).Select(seed => (t.p4, t.o, t.p6, seed)))
                .ToArbitrary(),
            t =>
            {
                // RFC 7597 section 5.2, o + r < 32: the EA bits are the top of the IPv4 suffix; no PSID, no port limit.
                var random = new Random(t.seed);
                byte[] v6 = new byte[16];
                byte[] v4 = new byte[4];
                random.NextBytes(v6);
                random.NextBytes(v4);
                int endUser = t.p6 + t.o;
                var rule = MapRule.Create(Network(v6, t.p6), Network(v4, t.p4), t.o, 6);
                IPNetwork prefix = Network(v6, endUser);

                MapeResult r = MapE.Calculate(prefix, rule);

                Assert.Equal(t.p4 + t.o, r.Ipv4PrefixLength);
                Assert.True(rule.Ipv4Prefix.Contains(r.Ipv4Address), $"{r.Ipv4Address} is outside {rule.Ipv4Prefix}");
                byte[] expected = rule.Ipv4Prefix.BaseAddress.GetAddressBytes();
                for (int i = 0; i < t.o; i++)
                {
                    int bit = (v6[(t.p6 + i) / 8] >> (7 - ((t.p6 + i) % 8))) & 1;
                    expected[(t.p4 + i) / 8] |= (byte)(bit << (7 - ((t.p4 + i) % 8)));
                }

                Assert.Equal(new IPAddress(expected), r.Ipv4Address);
                Assert.Equal(0, r.Psid);
                Assert.False(r.IsPortRestricted);
                Assert.Equal([new PortRange(0, 65535)], r.PortBlocks);
            });

    /// <summary>The /<paramref name="length"/> network of an address, masked bit by bit.</summary>
    private static IPNetwork Network(byte[] address, int length)
    {
        byte[] masked = new byte[address.Length];
        for (int bit = 0; bit < length; bit++)
        {
            masked[bit / 8] |= (byte)(address[bit / 8] & (0x80 >> (bit % 8)));
        }

        return new IPNetwork(new IPAddress(masked), length);
    }
}
