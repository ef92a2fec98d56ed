using System.CommandLine;
using Gatewayd.Dhcp;
using Gatewayd.Dhcp6;
using Gatewayd.Dhcp6.Client;
using Gatewayd.Logging;
using Microsoft.Extensions.Logging;

namespace Gatewayd.Cli;

/// <summary>`gatewayd probe`: one Solicit on an interface, print what the network offers, change nothing.</summary>
internal static class ProbeCommand
{
    public const int NoAnswer = 4;

    public static Command Create()
    {
        var iface = new Argument<string>("interface") { Description = "the WAN interface facing the ONU" };
        var timeout = new Option<double>("--timeout") { Description = "seconds to wait for an Advertise", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "print one JSON object" };
        var stateDir = new Option<string>("--state-dir") { Description = "where gatewayd keeps its DUID", DefaultValueFactory = _ => "/var/lib/gatewayd" };
        var verbose = new Option<bool>("--verbose") { Description = "log the exchange on stderr" };
        var command = new Command("probe", "Send one Solicit (IA_PD) and show the prefix and softwire parameters offered. Changes nothing.")
        {
            iface, timeout, json, stateDir, verbose,
        };
        command.SetAction((parse, ct) => RunAsync(parse.GetRequiredValue(iface), parse.GetValue(timeout), parse.GetValue(json),
            parse.GetValue(stateDir)!, parse.GetValue(verbose), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));
        return command;
    }

    internal static async Task<int> RunAsync(string iface, double timeoutSeconds, bool json, string stateDir, bool verbose,
        TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (timeoutSeconds is <= 0 or > 3600)
        {
            stderr.WriteLine("gatewayd probe: --timeout must be 0..3600 seconds");
            return ExitCodes.BadInput;
        }
        var log = new StderrLogger("probe", verbose ? LogLevel.Debug : LogLevel.Warning, stderr);
        if (LinkFacts.Index(iface) is null)
        {
            stderr.WriteLine($"gatewayd probe: no interface named {iface}");
            return ExitCodes.BadInput;
        }
        UdpDhcp6Transport transport;
        Duid duid;
        try
        {
            duid = Dhcp6Identity.LoadOrCreate(stateDir, iface, log, persist: false);
            transport = UdpDhcp6Transport.Open(iface);
        }
        catch (Exception e) when (e is Dhcp6TransportException or InvalidOperationException)
        {
            stderr.WriteLine($"gatewayd probe: {e.Message}");
            return ExitCodes.Failure;
        }
        var options = new Dhcp6ClientOptions
        {
            InterfaceName = iface,
            ClientId = duid,
            Iaid = Dhcp6Identity.Iaid,
            ProbeOnly = true,
            ExtraRequestedOptions = [Dhcp6OptionCode.AftrName, Dhcp6OptionCode.S46ContMapE],
        };
        await using var client = new Dhcp6Client(options, transport, TimeProvider.System, log);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(TimeSpan.FromSeconds(timeoutSeconds));
        var running = client.RunAsync(cts.Token);
        // The RA half: solicit and listen alongside, changing nothing (no accept_ra, no route).
        using var raStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await using var raSocket = Ndp.RaSocket.Open(iface);
        var raListener = new Ndp.RaListener(raSocket, new Ndp.LinuxInterfaceAddresses(iface), new Ndp.RaListenerOptions { InterfaceName = iface });
        var listening = raListener.RunAsync(raStop.Token);
        PrefixOffered? offer = null;
        try
        {
            await foreach (var e in client.Events.ReadAllAsync(cts.Token))
            {
                if (e is PrefixOffered o)
                {
                    offer = o;
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
        await cts.CancelAsync();
        await running;
        if (offer is null)
        {
            await raStop.CancelAsync();
            await listening;
            stderr.WriteLine($"gatewayd probe: no DHCPv6 server answered on {iface} within {timeoutSeconds:0.#} s");
            return NoAnswer;
        }
        // RS goes out after a random delay of up to 1 s (RFC 4861 6.3.7); give the RA a few seconds more than that.
        Ndp.ReceivedRouterAdvertisement? ra = null;
        try
        {
            ra = await raListener.FirstAdvertisement.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
        }
        catch (TimeoutException)
        {
            log.LogWarning("no Router Advertisement on {Interface} within 5 s", iface);
        }
        await raStop.CancelAsync();
        await listening;
        var report = ProbeReport.From(iface, offer, ra);
        stdout.Write(json ? JsonText.Write(report.WriteJson) : report.ToText());
        return ExitCodes.Ok;
    }
}
