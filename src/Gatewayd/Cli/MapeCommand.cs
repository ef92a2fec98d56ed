using System.CommandLine;
using Gatewayd.Softwire;

namespace Gatewayd.Cli;

/// <summary>`gatewayd mape`: the offline calculator users reach for first.</summary>
internal static class MapeCommand
{
    public static Command Create()
    {
        var prefixArg = new Argument<string>("prefix") { Description = "the delegated IPv6 prefix, e.g. 2400:4050:5c71:af00::/56 (a /60 or an RA /64 also work)" };
        var vne = new Option<string>("--vne") { Description = "which built-in table to search: auto, " + string.Join(", ", MapRuleTable.KnownVnes), DefaultValueFactory = _ => "auto" };
        vne.AcceptOnlyFromAmong(["auto", .. MapRuleTable.KnownVnes]);
        var rule = new Option<string?>("--rule") { Description = "a rule by hand: <ipv6-prefix>,<ipv4-prefix>,<ea-bits>,<psid-offset>[,<br>]" };
        var iid = new Option<string>("--iid") { Description = "CE interface-id form: draft03 (the Japanese VNEs) or rfc7597", DefaultValueFactory = _ => "draft03" };
        iid.AcceptOnlyFromAmong("draft03", "rfc7597");
        var json = new Option<bool>("--json") { Description = "print one JSON object" };

        var command = new Command("mape", "Compute MAP-E parameters (IPv4, PSID, CE, BR, ports) for a prefix. Changes nothing.")
        {
            prefixArg, vne, rule, iid, json,
        };
        command.SetAction(parse => Run(
            parse.GetRequiredValue(prefixArg), parse.GetValue(vne)!, parse.GetValue(rule),
            parse.GetValue(iid) == "rfc7597" ? InterfaceIdForm.Rfc7597 : InterfaceIdForm.Draft03,
            parse.GetValue(json), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    internal static int Run(string prefixText, string vne, string? ruleText, InterfaceIdForm form, bool json, TextWriter stdout, TextWriter stderr)
    {
        if (!PrefixArgument.TryParse(prefixText, out var prefix, out var error))
        {
            stderr.WriteLine($"gatewayd mape: prefix: {error}");
            return ExitCodes.BadInput;
        }
        try
        {
            var rule = ruleText is null ? MapRuleTable.BuiltIn.Resolve(prefix.Value, vne) : MapRule.Parse(ruleText);
            var result = MapE.Calculate(prefix.Value, rule, form);
            stdout.Write(json ? JsonText.Write(w => MapeReport.WriteJson(w, result)) : MapeReport.ToText(result));
            return ExitCodes.Ok;
        }
        catch (NoMatchingRuleException e)
        {
            stderr.WriteLine($"gatewayd mape: {e.Message}");
            return ExitCodes.NoRule;
        }
        catch (SoftwireException e)
        {
            stderr.WriteLine($"gatewayd mape: {e.Message}");
            return ExitCodes.BadInput;
        }
    }
}
