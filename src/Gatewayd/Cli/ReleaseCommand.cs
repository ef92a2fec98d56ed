using System.CommandLine;
using Gatewayd.Config;
using Gatewayd.Dhcp;
using Gatewayd.Dhcp6.Client;
using Gatewayd.Logging;
using Microsoft.Extensions.Logging;

namespace Gatewayd.Cli;

/// <summary>
/// `gatewayd release`: give the delegated prefix back to the server (DHCPv6 Release) and forget the lease. The only
/// way besides dhcp6.releaseOnStop that gatewayd releases: restarts never do, since the NGN may not hand it out again.
/// </summary>
internal static class ReleaseCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "the config file (for wan.interface)", DefaultValueFactory = _ => "/etc/gatewayd/config.json" };
        var stateDir = new Option<string>("--state-dir") { Description = "where the lease is kept", DefaultValueFactory = _ => "/var/lib/gatewayd" };
        var command = new Command("release", "Send a DHCPv6 Release for the stored lease and forget it. Stop the daemon first.") { config, stateDir };
        command.SetAction((parse, ct) => RunAsync(parse.GetRequiredValue(config), parse.GetRequiredValue(stateDir),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));
        return command;
    }

    internal static async Task<int> RunAsync(string configPath, string stateDir, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var read = ConfigReader.ReadFile(configPath);
        foreach (var e in read.Errors)
            stderr.WriteLine(e.ToString());
        if (read.Config is not { } cfg)
            return ExitCodes.BadInput;
        if (cfg.Wan.Interface is not { } wan)
        {
            stderr.WriteLine("gatewayd release: wan.interface is not set: there is nothing to release");
            return ExitCodes.BadInput;
        }
        var log = new StderrLogger("release", LogLevel.Warning, stderr);
        var store = new FileLeaseStore(Path.Combine(stateDir, "lease.json"), log);
        if (store.Load(TimeProvider.System, out _) is null)
        {
            stdout.WriteLine($"no lease stored in {stateDir}: nothing to release");
            return ExitCodes.Ok;
        }
        IDhcp6Transport transport;
        try
        {
            transport = UdpDhcp6Transport.Open(wan);
        }
        catch (Dhcp6TransportException e)
        {
            stderr.WriteLine($"gatewayd release: {e.Message} (stop the daemon first: systemctl stop gatewayd)");
            return ExitCodes.Failure;
        }
        var options = new Dhcp6ClientOptions { InterfaceName = wan, ClientId = Dhcp6Identity.LoadOrCreate(stateDir, wan, log), Iaid = Dhcp6Identity.Iaid };
        await using var client = new Dhcp6Client(options, transport, TimeProvider.System, log, store);
        if (await client.ReleaseStoredLeaseAsync(ct) is not { } lease)
        {
            stdout.WriteLine($"no lease stored in {stateDir}: nothing to release");
            return ExitCodes.Ok;
        }
        stdout.WriteLine($"released {string.Join(", ", lease.Prefixes.Select(p => p.Prefix))} to {lease.ServerId}");
        return ExitCodes.Ok;
    }
}
