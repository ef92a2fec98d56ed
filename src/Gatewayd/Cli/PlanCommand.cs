using System.CommandLine;
using Gatewayd.Config;
using Gatewayd.Nftables;
using Gatewayd.Planning;

namespace Gatewayd.Cli;

/// <summary>`gatewayd plan`: what gatewayd would program for a config and a prefix. Changes nothing.</summary>
internal static class PlanCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "the config file", Required = true };
        var prefix = new Option<string?>("--prefix") { Description = "a delegated prefix standing in for a DHCPv6-PD lease" };
        var format = new Option<string>("--format") { Description = "text, json or nft (the ruleset alone, loadable by nft -f)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "nft");
        var json = new Option<bool>("--json") { Description = "same as --format json" };
        var command = new Command("plan", "Print the network and nft ruleset gatewayd would program. Changes nothing.")
        {
            config, prefix, format, json,
        };
        command.SetAction(parse => Run(parse.GetRequiredValue(config), parse.GetValue(prefix),
            parse.GetValue(json) ? "json" : parse.GetValue(format)!, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    internal static int Run(string configPath, string? prefixText, string format, TextWriter stdout, TextWriter stderr)
    {
        var read = ConfigReader.ReadFile(configPath);
        foreach (var e in read.Errors)
            stderr.WriteLine(e.ToString());
        if (read.Config is not { } cfg)
            return ExitCodes.BadInput;
        System.Net.IPNetwork? prefix = null;
        if (prefixText is not null)
        {
            if (!PrefixArgument.TryParse(prefixText, out var p, out var error))
            {
                stderr.WriteLine($"gatewayd plan: --prefix: {error}");
                return ExitCodes.BadInput;
            }
            prefix = p;
        }
        var plan = Planner.Plan(new PlanInput(cfg, DelegatedPrefix: prefix));
        switch (format)
        {
            case "json":
                stdout.Write(JsonText.Write(w => PlanReport.WriteJson(w, plan)));
                break;
            case "nft":
                if (plan.Ruleset is null)
                {
                    foreach (var p in plan.Problems)
                        stderr.WriteLine($"gatewayd plan: {p}");
                    stderr.WriteLine("gatewayd plan: no nft ruleset in this plan");
                    return NoRuleOr(plan, ExitCodes.Failure);
                }
                stdout.Write(RulesetRenderer.Render(plan.Ruleset));
                break;
            default:
                stdout.Write(PlanReport.ToText(plan));
                break;
        }
        return NoRuleOr(plan, ExitCodes.Ok);
    }

    /// <summary>A MAP-E config whose prefix no rule covers is the same answer `gatewayd mape` gives: exit 3.</summary>
    private static int NoRuleOr(DesiredNetwork plan, int otherwise) =>
        plan.NoMatchingRule ? ExitCodes.NoRule : otherwise;
}
