using System.Buffers.Binary;
using System.Net;
using FsCheck;
using FsCheck.Fluent;

namespace Gatewayd.Softwire.Tests;

/// <summary>A random valid rule (k &gt;= 0, a + k &lt;= 16, p6 + o &lt;= 64) and a random end-user prefix inside it.</summary>
public sealed record RuleCase(MapRule Rule, IPNetwork Prefix, InterfaceIdForm Form)
{
    public static Arbitrary<RuleCase> Arbitrary() => Generator().ToArbitrary();

    public static Gen<RuleCase> Generator() =>
        from k in Gen.Choose(0, 16)
        from a in Gen.Choose(0, Math.Min(15, 16 - k))
        from p4 in Gen.Choose(0, 32)
        let o = 32 - p4 + k
        where o <= 48
        from p6 in Gen.Choose(0, 64 - o)
        from prefixLength in Gen.Choose(p6 + o, 64)
        from v6Rule in Random128()
        from v6Host in Random128()
        from v4 in Gen.Choose(int.MinValue, int.MaxValue)
        from form in Gen.Elements(InterfaceIdForm.Draft03, InterfaceIdForm.Rfc7597)
        select Build(k, a, p4, o, p6, prefixLength, v6Rule, v6Host, unchecked((uint)v4), form);

    public override string ToString() => $"rule {Rule}, prefix {Prefix}, {Form}";

    private static RuleCase Build(int k, int a, int p4, int o, int p6, int prefixLength, UInt128 v6Rule, UInt128 v6Host, uint v4, InterfaceIdForm form)
    {
        _ = k;
        UInt128 ruleBits = v6Rule & Mask128(p6);
        UInt128 prefixBits = (ruleBits | (v6Host & ~Mask128(p6))) & Mask128(prefixLength);
        uint v4Bits = p4 == 0 ? 0 : v4 & (uint.MaxValue << (32 - p4));
        var rule = MapRule.Create(
            new IPNetwork(ToV6(ruleBits), p6), new IPNetwork(ToV4(v4Bits), p4), o, a);
        return new RuleCase(rule, new IPNetwork(ToV6(prefixBits), prefixLength), form);
    }

    private static Gen<UInt128> Random128() =>
        from w0 in Gen.Choose(int.MinValue, int.MaxValue)
        from w1 in Gen.Choose(int.MinValue, int.MaxValue)
        from w2 in Gen.Choose(int.MinValue, int.MaxValue)
        from w3 in Gen.Choose(int.MinValue, int.MaxValue)
        select new UInt128(((ulong)(uint)w0 << 32) | (uint)w1, ((ulong)(uint)w2 << 32) | (uint)w3);

    private static UInt128 Mask128(int length) => length == 0 ? UInt128.Zero : UInt128.MaxValue << (128 - length);

    private static IPAddress ToV6(UInt128 value)
    {
        byte[] bytes = new byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        return new IPAddress(bytes);
    }

    private static IPAddress ToV4(uint value)
    {
        byte[] bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return new IPAddress(bytes);
    }
}
