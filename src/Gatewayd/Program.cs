using System.CommandLine;
using Gatewayd.Cli;

namespace Gatewayd;

internal static class Program
{
    public static int Main(string[] args) => Invoke(args, Console.Out, Console.Error);

    /// <summary>Parses and runs one verb; bad arguments exit 2 like every other kind of bad input.</summary>
    internal static int Invoke(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("gatewayd: IPv4-over-IPv6 (MAP-E, fixed IPv4 over IPIP6, DS-Lite) gateway daemon for NTT NGN lines")
        {
            MapeCommand.Create(),
            PlanCommand.Create(),
            CheckConfigCommand.Create(),
            ProbeCommand.Create(),
            Daemon.RunCommand.Create(),
            ReleaseCommand.Create(),
        };
        var parse = root.Parse(args);
        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
                stderr.WriteLine($"gatewayd: {e.Message}");
            stderr.WriteLine("Try 'gatewayd --help'.");
            return ExitCodes.BadInput;
        }
        return parse.Invoke(config);
    }
}
