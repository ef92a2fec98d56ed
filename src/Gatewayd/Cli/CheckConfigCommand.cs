using System.CommandLine;
using Gatewayd.Config;

namespace Gatewayd.Cli;

/// <summary>`gatewayd check-config FILE`: validate without touching anything; every problem as `path: reason`.</summary>
internal static class CheckConfigCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "the config file, e.g. /etc/gatewayd/config.json" };
        var command = new Command("check-config", "Validate a config file. Exit 0 when valid, 2 with every problem listed otherwise.") { file };
        command.SetAction(parse => Run(parse.GetRequiredValue(file), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    internal static int Run(string path, TextWriter stdout, TextWriter stderr)
    {
        var result = ConfigReader.ReadFile(path);
        foreach (var w in result.Warnings)
            stderr.WriteLine($"warning: {w}");
        foreach (var e in result.Errors)
            stderr.WriteLine(e.ToString());
        if (result.Config is null)
            return ExitCodes.BadInput;
        stdout.WriteLine($"{path}: valid ({Describe(result.Config)})");
        return ExitCodes.Ok;
    }

    private static string Describe(GatewaydConfig c) => c.IsIdle
        ? "idle: no wan.interface"
        : $"wan {c.Wan.Interface}, softwire {ModeName(c.Softwire.Mode)}" + (c.Softwire.Mode == SoftwireMode.None ? "" : $" on {c.Softwire.TunnelName}")
          + (c.Lan.Count == 0 ? "" : $", {c.Lan.Count} LAN{(c.Lan.Count == 1 ? "" : "s")}");

    public static string ModeName(SoftwireMode mode) => mode switch
    {
        SoftwireMode.MapE => "map-e",
        SoftwireMode.Ipip6 => "ipip6",
        SoftwireMode.DsLite => "ds-lite",
        _ => "none",
    };
}
