using System.CommandLine;
using System.Runtime.InteropServices;
using Gatewayd.Cli;
using Gatewayd.Config;
using Gatewayd.Dhcp;
using Gatewayd.Dhcp6;
using Gatewayd.Dhcp6.Client;
using Gatewayd.Logging;
using Gatewayd.Planning;
using Microsoft.Extensions.Logging;

namespace Gatewayd.Daemon;

/// <summary>
/// `gatewayd run`: the long-running daemon. This first cut keeps the DHCPv6-PD binding (with its lease persisted in
/// the state directory) and logs each lease change with the plan that follows from it; kernel reconciliation and the
/// systemd integration build on it.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "the config file", DefaultValueFactory = _ => "/etc/gatewayd/config.json" };
        var stateDir = new Option<string>("--state-dir") { Description = "DUID and lease", DefaultValueFactory = _ => "/var/lib/gatewayd" };
        var verbose = new Option<bool>("--verbose") { Description = "log every message sent" };
        var command = new Command("run", "Run the daemon.") { config, stateDir, verbose };
        command.SetAction((parse, ct) => RunAsync(parse.GetRequiredValue(config), parse.GetRequiredValue(stateDir), parse.GetValue(verbose),
            parse.InvocationConfiguration.Error, ct));
        return command;
    }

    internal static async Task<int> RunAsync(string configPath, string stateDir, bool verbose, TextWriter stderr, CancellationToken cancellationToken)
    {
        var log = new StderrLogger("gatewayd", verbose ? LogLevel.Debug : LogLevel.Information, stderr);
        var read = ConfigReader.ReadFile(configPath);
        foreach (var w in read.Warnings)
            log.LogWarning("{Problem}", w.ToString());
        if (read.Config is not { } cfg)
        {
            foreach (var e in read.Errors)
                stderr.WriteLine(e.ToString());
            return ExitCodes.BadInput;
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            stop.Cancel();
        });
        if (cfg.Wan.Interface is not { } wan)
        {
            log.LogInformation("idle: set wan.interface in {Config}", configPath);
            await WaitAsync(stop.Token);
            return ExitCodes.Ok;
        }
        Directory.CreateDirectory(stateDir);
        IDhcp6Transport transport;
        Duid duid;
        try
        {
            duid = Dhcp6Identity.LoadOrCreate(stateDir, wan, log);
            transport = UdpDhcp6Transport.Open(wan);
        }
        catch (Exception e) when (e is Dhcp6TransportException or InvalidOperationException)
        {
            log.LogError("{Error}", e.Message);
            return ExitCodes.Failure;
        }
        var options = new Dhcp6ClientOptions
        {
            InterfaceName = wan,
            ClientId = duid,
            Iaid = Dhcp6Identity.Iaid,
            ExtraRequestedOptions = cfg.Softwire.Mode switch
            {
                SoftwireMode.MapE => [Dhcp6OptionCode.S46ContMapE],
                SoftwireMode.DsLite => [Dhcp6OptionCode.AftrName],
                _ => [],
            },
        };
        var store = new FileLeaseStore(Path.Combine(stateDir, "lease.json"), log);
        await using var client = new Dhcp6Client(options, transport, TimeProvider.System, log, store);
        using var clientStop = new CancellationTokenSource();
        var running = client.RunAsync(clientStop.Token);
        try
        {
            await foreach (var e in client.Events.ReadAllAsync(stop.Token))
                LogPlan(cfg, e, log);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        if (cfg.Dhcp6.ReleaseOnStop && client.Lease is not null)
            await ReleaseAsync(client, log);
        await clientStop.CancelAsync();
        await running;
        log.LogInformation("stopped; the lease stays in {StateDir} for the next start", stateDir);
        return ExitCodes.Ok;
    }

    private static async Task ReleaseAsync(Dhcp6Client client, ILogger log)
    {
        client.RequestRelease();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await foreach (var e in client.Events.ReadAllAsync(wait.Token))
            {
                if (e is PrefixLost)
                    return;
            }
        }
        catch (OperationCanceledException)
        {
            log.LogWarning("Release unanswered within 5 s");
        }
    }

    private static void LogPlan(GatewaydConfig cfg, Dhcp6Event e, ILogger log)
    {
        var lease = e switch
        {
            PrefixAcquired a => a.Lease,
            PrefixRenewed r => r.Lease,
            PrefixChanged c => c.Lease,
            _ => null,
        };
        if (lease?.PrimaryPrefix is not { } prefix)
            return;
        var plan = Planner.Plan(new PlanInput(cfg, DelegatedPrefix: prefix, ServerMapRules: ServerMapRules.From(lease.MapE)));
        if (plan.Softwire?.MapE is { } m)
            log.LogInformation("plan: MAP-E {Ipv4} PSID {Psid} ({Ports} ports) CE {Ce} via {Br}", m.Ipv4Address, m.Psid, m.PortCount, m.CeAddress, m.BrAddress);
        foreach (var p in plan.Problems)
            log.LogWarning("plan: {Problem}", p);
    }

    private static async Task WaitAsync(CancellationToken token)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, token);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
