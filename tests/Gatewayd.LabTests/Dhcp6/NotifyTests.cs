using System.Net.Sockets;
using System.Text;
using Xunit;

namespace Gatewayd.LabTests.Dhcp6;

/// <summary>gatewayd's sd_notify messages, read from a real datagram socket standing in for systemd's NOTIFY_SOCKET.</summary>
public sealed class NotifyTests : IDisposable
{
    private readonly NgnLab _lab = new();
    private readonly Socket _notify = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly string _path;

    public NotifyTests()
    {
        _path = Path.Combine(_lab.Dir, "notify");
        _notify.Bind(new UnixDomainSocketEndPoint(_path));
    }

    public void Dispose()
    {
        _notify.Dispose();
        _lab.Dispose();
    }

    private List<string> Received { get; } = [];

    /// <summary>The first notification so far containing <paramref name="text"/>, reading more until one does.</summary>
    private string WaitFor(string text, TimeSpan timeout)
    {
        if (Received.FirstOrDefault(m => m.Contains(text, StringComparison.Ordinal)) is { } already)
            return already;
        var deadline = DateTime.UtcNow + timeout;
        var buffer = new byte[4096];
        while (DateTime.UtcNow < deadline)
        {
            _notify.ReceiveTimeout = Math.Max(1, (int)(deadline - DateTime.UtcNow).TotalMilliseconds);
            try
            {
                var message = Encoding.UTF8.GetString(buffer, 0, _notify.Receive(buffer));
                Received.Add(message);
                if (message.Contains(text, StringComparison.Ordinal))
                    return message;
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock)
            {
            }
        }
        throw new TimeoutException($"no notification containing {text}; got:\n{string.Join('\n', Received)}");
    }

    [NgnLabFact]
    public void Ready_ComesBeforeAnyLease_ThenStatusFollowsTheLease_AndStoppingOnSigterm()
    {
        var files = ClientLab.Prepare(_lab);
        using var gw = GatewaydProcess.StartWith(_lab.Ce, new Dictionary<string, string> { ["NOTIFY_SOCKET"] = _path, ["WATCHDOG_USEC"] = "2000000" },
            "run", "--config", files.Config, "--state-dir", files.State);
        // kea is not running yet: READY=1 must not wait for a lease (the NGN may stay silent for minutes).
        WaitFor("READY=1", ClientLab.Quick);
        Assert.Contains("waiting for a delegated prefix", WaitFor("STATUS=", ClientLab.Quick));
        // The watchdog is fed from the loop at half of WATCHDOG_USEC.
        WaitFor("WATCHDOG=1", TimeSpan.FromSeconds(5));

        _lab.StartKea();
        var status = WaitFor("PD 2400:4050:5c71:af00::/56", TimeSpan.FromSeconds(20));
        Assert.Contains("MAP-E", status);
        Assert.Contains("153.241.113.198 PSID 47 (1008 ports) via 2001:380:a120::9", status);

        gw.Signal("TERM");
        WaitFor("STOPPING=1", ClientLab.Quick);
    }

    [NgnLabFact]
    public void IdleConfig_IsReadyAndSaysWhatToSet()
    {
        var config = Path.Combine(_lab.Dir, "idle.json");
        File.WriteAllText(config, """{"softwire":{"mode":"none"}}""");
        using var gw = GatewaydProcess.StartWith(_lab.Ce, new Dictionary<string, string> { ["NOTIFY_SOCKET"] = _path },
            "run", "--config", config, "--state-dir", Path.Combine(_lab.Dir, "state"));
        WaitFor("READY=1", ClientLab.Quick);
        Assert.Contains("idle: set wan.interface", WaitFor("STATUS=", ClientLab.Quick));
    }
}
