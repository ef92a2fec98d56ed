using Xunit;

namespace Gatewayd.Dhcp6.Tests;

public sealed class RkapTests
{
    [Fact]
    public void Known_answer_reconfigure_verifies_with_the_right_key()
    {
        Assert.True(Rkap.Verify(Vectors.Reconfigure, Vectors.RkapKey));
    }

    [Fact]
    public void Wrong_key_fails()
    {
        byte[] key = Vectors.RkapKey;
        key[0] ^= 0x80;
        Assert.False(Rkap.Verify(Vectors.Reconfigure, key));
    }

    [Fact]
    public void Any_flipped_byte_fails()
    {
        byte[] original = Vectors.Reconfigure;
        for (int i = 0; i < original.Length; i++)
        {
            byte[] tampered = [.. original];
            tampered[i] ^= 0x01;
            Assert.False(Rkap.Verify(tampered, Vectors.RkapKey), $"byte {i} flipped still verified");
        }
    }

    [Fact]
    public void Sign_reproduces_the_known_answer()
    {
        var reconfigure = new Dhcp6Message(Dhcp6MessageType.Reconfigure, 0,
            OptionVectorTests.ParseOne(Vectors.ServerIdLlt),
            OptionVectorTests.ParseOne(Vectors.ClientId),
            new ReconfMsgOption(Dhcp6MessageType.Renew),
            Rkap.CreateDigestOption(1));
        byte[] wire = reconfigure.ToArray();
        Assert.True(Rkap.TrySign(wire, Vectors.RkapKey));
        Assert.Equal(Vectors.Reconfigure, wire);
    }

    [Fact]
    public void Message_without_auth_or_with_two_auth_options_is_not_verified()
    {
        Assert.False(Rkap.Verify(Vectors.Solicit, Vectors.RkapKey));
        byte[] two = Vectors.Concat(Vectors.Reconfigure, Vectors.Reconfigure[^32..]);
        Assert.False(Rkap.Verify(two, Vectors.RkapKey));
    }

    [Fact]
    public void Key_is_only_taken_from_a_type_1_rkap_option()
    {
        Assert.True(Dhcp6Message.TryParse(Vectors.Reconfigure, out Dhcp6Message? m, out _));
        Assert.False(Rkap.TryGetReconfigureKey(m.Auth!, out _));
        Assert.True(Rkap.TryGetReconfigureKey(Rkap.CreateKeyOption(7, Vectors.RkapKey), out byte[]? key));
        Assert.Equal(Vectors.RkapKey, key);
    }
}
