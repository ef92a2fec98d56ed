using Gatewayd.Dhcp6;
using Xunit;

namespace Gatewayd.LabTests.Dhcp6;

public sealed class ReconfigureTests : IDisposable
{
    private static readonly byte[] Key = [.. Enumerable.Range(0, 16).Select(i => (byte)(0xa0 + i))];
    private readonly NgnLab _lab = new();

    public void Dispose() => _lab.Dispose();

    [NgnLabFact]
    public void OnlyAUnicastReconfigureFromTheBoundServerWithAGoodHmac_TriggersARenew()
    {
        using var server = new CraftedServer(_lab);
        var files = ClientLab.Prepare(_lab);
        using var gw = ClientLab.Run(_lab, files);
        server.Bind(Key, ClientLab.Quick);
        gw.WaitForLine("PrefixAcquired 2400:4050:5c71:af00::/56", ClientLab.Quick);

        var wrongKey = Key.Select(b => (byte)~b).ToArray();
        server.Send(server.Reconfigure(2, wrongKey));
        gw.WaitForLine("Reconfigure dropped: its HMAC-MD5 does not verify", ClientLab.Quick);

        server.Send(server.Reconfigure(3, Key), server.AllNodes);
        gw.WaitForLine("Reconfigure dropped: it arrived multicast", ClientLab.Quick);

        var other = new Duid([0x00, 0x01, 0x00, 0x01, 0x2c, 0x00, 0x00, 0x09, 0x02, 0x42, 0xac, 0x11, 0x00, 0x09]);
        server.Send(server.Reconfigure(4, Key, other));
        gw.WaitForLine("Reconfigure dropped: it is not from the bound server", ClientLab.Quick);

        // None of those moved the client: no Renew before T1 (300 s).
        Assert.Null(server.Receive(TimeSpan.FromSeconds(1)));

        server.Send(server.Reconfigure(5, Key));
        var renew = server.ReceiveType(Dhcp6MessageType.Renew, ClientLab.Quick);
        Assert.Equal(server.Id, renew.ServerId);
        // stderr is read asynchronously: the line may trail the packet, so wait for it rather than look once.
        gw.WaitForLine("Reconfigure \\(Renew\\)", ClientLab.Quick);
    }
}
