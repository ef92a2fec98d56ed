namespace Gatewayd.Dhcp6;

/// <summary>Maps an option code to the decoder of its typed record; unknown codes stay raw.</summary>
internal static class OptionDecoder
{
    internal static Dhcp6Option? Decode(ParseContext context, in RawOption raw, int depth, out Dhcp6ParseError? error)
    {
        switch (raw.Code)
        {
            case Dhcp6OptionCode.ClientId: return ClientIdOption.Decode(context, raw, out error);
            case Dhcp6OptionCode.ServerId: return ServerIdOption.Decode(context, raw, out error);
            case Dhcp6OptionCode.Oro: return OroOption.Decode(context, raw, out error);
            case Dhcp6OptionCode.Preference: return PreferenceOption.Decode(context, raw, out error);
            case Dhcp6OptionCode.ElapsedTime: return ElapsedTimeOption.Decode(context, raw, out error);
            case Dhcp6OptionCode.Auth: return AuthOption.Decode(context, raw, out error);
            case Dhcp6OptionCode.StatusCode: return StatusCodeOption.Decode(context, raw, out error);
            case Dhcp6OptionCode.RapidCommit: return RapidCommitOption.Decode(raw, out error);
            case Dhcp6OptionCode.ReconfMsg: return ReconfMsgOption.Decode(context, raw, out error);
            case Dhcp6OptionCode.ReconfAccept: return ReconfAcceptOption.Decode(raw, out error);
            case Dhcp6OptionCode.DnsServers: return DnsServersOption.Decode(context, raw, out error);
            case Dhcp6OptionCode.DomainList: return DomainListOption.Decode(context, raw, out error);
            case Dhcp6OptionCode.IaPd: return IaPdOption.Decode(context, raw, depth, out error);
            case Dhcp6OptionCode.IaPrefix: return IaPrefixOption.Decode(context, raw, depth, out error);
            case Dhcp6OptionCode.InformationRefreshTime: return InformationRefreshTimeOption.Decode(context, raw, out error);
            case Dhcp6OptionCode.AftrName: return AftrNameOption.Decode(context, raw, out error);
            case Dhcp6OptionCode.SolMaxRt: return SolMaxRtOption.Decode(context, raw, out error);
            case Dhcp6OptionCode.InfMaxRt: return InfMaxRtOption.Decode(context, raw, out error);
            case Dhcp6OptionCode.S46Rule: return S46RuleOption.Decode(context, raw, depth, out error);
            case Dhcp6OptionCode.S46Br: return S46BrOption.Decode(context, raw, out error);
            case Dhcp6OptionCode.S46Dmr: return S46DmrOption.Decode(context, raw, out error);
            case Dhcp6OptionCode.S46PortParams: return S46PortParamsOption.Decode(context, raw, out error);
            case Dhcp6OptionCode.S46ContMapE:
            case Dhcp6OptionCode.S46ContMapT:
            case Dhcp6OptionCode.S46ContLw:
                return S46ContainerOption.Decode(context, raw, depth, out error);
            default:
                error = null;
                return new UnknownOption(raw.Code, context.Memory(raw.ValueOffset, raw.Length));
        }
    }
}
