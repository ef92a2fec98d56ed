using System.CommandLine;
using System.Threading.Channels;
using System.Runtime.InteropServices;
using Gatewayd.Cli;
using Gatewayd.Config;
using Gatewayd.Logging;
using Gatewayd.Systemd;
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
        var notifier = SystemdNotifier.FromEnvironment();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            notifier.Stopping();
            stop.Cancel();
        });
        // SIGHUP without a handler kills a .NET process (exit 129): register before anything can take long.
        var reloads = Channel.CreateUnbounded<bool>();
        using var sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, c =>
        {
            c.Cancel = true;
            reloads.Writer.TryWrite(true);
        });
        while (cfg.Wan.Interface is null)
        {
            // Installing the package must never leave a failing unit: idle is a healthy, ready state until a reload sets the WAN.
            log.LogInformation("idle: set wan.interface in {Config}", configPath);
            notifier.Ready();
            notifier.Status($"idle: set wan.interface in {configPath}");
            if (!await NextReloadAsync(reloads.Reader, stop.Token))
                return ExitCodes.Ok;
            notifier.Reloading();
            cfg = ConfigReload.TryRead(configPath, log) ?? cfg;
        }
        using var loggers = new StderrLoggerFactory(verbose ? LogLevel.Debug : LogLevel.Information, stderr);
        return await new WanDaemon(cfg, configPath, cfg.Wan.Interface, stateDir, reloads.Reader, notifier, log, loggers).RunAsync(stop.Token);
    }

    /// <summary>Waits for SIGHUP (true; a burst counts once) or for the stop (false).</summary>
    private static async Task<bool> NextReloadAsync(ChannelReader<bool> reloads, CancellationToken stop)
    {
        try
        {
            await reloads.WaitToReadAsync(stop);
            while (reloads.TryRead(out _))
            {
            }
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
