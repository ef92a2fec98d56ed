using System.Net;

namespace Gatewayd.Dhcp6;

/// <summary>Typed views of the top-level options a client cares about.</summary>
public sealed partial class Dhcp6Message
{
    /// <summary>The client DUID, or null.</summary>
    public Duid? ClientId => GetOption<ClientIdOption>()?.Duid;

    /// <summary>The server DUID, or null.</summary>
    public Duid? ServerId => GetOption<ServerIdOption>()?.Duid;

    /// <summary>Every IA_PD, in wire order.</summary>
    public IReadOnlyList<IaPdOption> IaPds => GetOptions<IaPdOption>();

    /// <summary>The message-level status, or null (absent means Success, RFC 8415 section 21.13).</summary>
    public StatusCodeOption? StatusCode => GetOption<StatusCodeOption>();

    /// <summary>The server preference; 0 when absent (RFC 8415 section 18.2.9).</summary>
    public byte Preference => GetOption<PreferenceOption>()?.Value ?? 0;

    /// <summary>The Elapsed Time option, or null.</summary>
    public ElapsedTimeOption? ElapsedTime => GetOption<ElapsedTimeOption>();

    /// <summary>The Authentication option, or null.</summary>
    public AuthOption? Auth => GetOption<AuthOption>();

    /// <summary>The message type a Reconfigure asks for (RECONF_MSG), or null.</summary>
    public Dhcp6MessageType? ReconfigureMessageType => GetOption<ReconfMsgOption>()?.MessageType;

    /// <summary>Whether the message carries RAPID_COMMIT.</summary>
    public bool RapidCommit => GetOption<RapidCommitOption>() is not null;

    /// <summary>Whether the message carries RECONF_ACCEPT.</summary>
    public bool ReconfigureAccept => GetOption<ReconfAcceptOption>() is not null;

    /// <summary>The requested option codes (ORO), empty when absent.</summary>
    public IReadOnlyList<Dhcp6OptionCode> RequestedOptions => GetOption<OroOption>()?.Codes ?? [];

    /// <summary>DNS servers (RFC 3646), empty when absent.</summary>
    public IReadOnlyList<IPAddress> DnsServers => GetOption<DnsServersOption>()?.Servers ?? [];

    /// <summary>The DNS search list (RFC 3646), empty when absent.</summary>
    public IReadOnlyList<DnsName> DomainList => GetOption<DomainListOption>()?.Names ?? [];

    /// <summary>The DS-Lite AFTR name (RFC 6334), or null.</summary>
    public DnsName? AftrName => GetOption<AftrNameOption>()?.Name;

    /// <summary>SOL_MAX_RT in seconds, or null.</summary>
    public uint? SolMaxRt => GetOption<SolMaxRtOption>()?.Seconds;

    /// <summary>INF_MAX_RT in seconds, or null.</summary>
    public uint? InfMaxRt => GetOption<InfMaxRtOption>()?.Seconds;

    /// <summary>Information refresh time in seconds, or null.</summary>
    public uint? InformationRefreshTime => GetOption<InformationRefreshTimeOption>()?.Seconds;

    /// <summary>The MAP-E container (RFC 7598, option 94), or null.</summary>
    public S46ContainerOption? MapE => GetContainer(Dhcp6OptionCode.S46ContMapE);

    /// <summary>The MAP-T container (RFC 7598, option 95), or null.</summary>
    public S46ContainerOption? MapT => GetContainer(Dhcp6OptionCode.S46ContMapT);

    /// <summary>The lw4o6 container (RFC 7598, option 96), or null.</summary>
    public S46ContainerOption? LightweightFourOverSix => GetContainer(Dhcp6OptionCode.S46ContLw);

    /// <summary>The first top-level option of type <typeparamref name="T"/>, or null.</summary>
    /// <typeparam name="T">The option record type.</typeparam>
    /// <returns>The option or null.</returns>
    public T? GetOption<T>()
        where T : Dhcp6Option => OptionList.First<T>(Options);

    /// <summary>Every top-level option of type <typeparamref name="T"/>, in wire order.</summary>
    /// <typeparam name="T">The option record type.</typeparam>
    /// <returns>The options, possibly none.</returns>
    public IReadOnlyList<T> GetOptions<T>()
        where T : Dhcp6Option => OptionList.All<T>(Options);

    /// <summary>The first top-level option with <paramref name="code"/>, typed or unknown, or null.</summary>
    /// <param name="code">The option code.</param>
    /// <returns>The option or null.</returns>
    public Dhcp6Option? GetOption(Dhcp6OptionCode code)
    {
        for (int i = 0; i < Options.Count; i++)
        {
            if (Options[i].Code == code)
                return Options[i];
        }

        return null;
    }

    private S46ContainerOption? GetContainer(Dhcp6OptionCode code) => GetOption(code) as S46ContainerOption;
}
