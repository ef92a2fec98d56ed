namespace Gatewayd.Netlink;

/// <summary><c>nlmsg_flags</c> bits (linux/netlink.h). Bits 0x100-0x800 mean different things for GET, NEW and ACK messages.</summary>
[Flags]
#pragma warning disable CA1028 // The wire field is 16 bits.
#pragma warning disable CA1069, CA1711 // NLM_F_* bits are reused per message kind, as in the kernel; "Flags" is its name.
public enum NetlinkMessageFlags : ushort
#pragma warning restore CA1711
#pragma warning restore CA1028
{
    /// <summary>No flags.</summary>
    None = 0,

    /// <summary><c>NLM_F_REQUEST</c>: a request to the kernel.</summary>
    Request = 0x1,

    /// <summary><c>NLM_F_MULTI</c>: part of a multipart reply ended by <c>NLMSG_DONE</c>.</summary>
    Multi = 0x2,

    /// <summary><c>NLM_F_ACK</c>: reply with an acknowledgement (an <c>NLMSG_ERROR</c> with errno 0).</summary>
    Ack = 0x4,

    /// <summary><c>NLM_F_ECHO</c>: echo this request to the sender's multicast groups.</summary>
    Echo = 0x8,

    /// <summary><c>NLM_F_DUMP_INTR</c>: the dump was interrupted by a change and may be inconsistent.</summary>
    DumpInterrupted = 0x10,

    /// <summary><c>NLM_F_DUMP_FILTERED</c>: the kernel applied the dump filter of the request.</summary>
    DumpFiltered = 0x20,

    /// <summary><c>NLM_F_ROOT</c> (GET): return the whole table.</summary>
    Root = 0x100,

    /// <summary><c>NLM_F_MATCH</c> (GET): return all matching entries.</summary>
    Match = 0x200,

    /// <summary><c>NLM_F_DUMP</c> = <c>NLM_F_ROOT | NLM_F_MATCH</c>.</summary>
    Dump = Root | Match,

    /// <summary><c>NLM_F_REPLACE</c> (NEW): replace an existing object.</summary>
    Replace = 0x100,

    /// <summary><c>NLM_F_EXCL</c> (NEW): fail with EEXIST if it exists.</summary>
    Exclusive = 0x200,

    /// <summary><c>NLM_F_CREATE</c> (NEW): create if it does not exist.</summary>
    Create = 0x400,

    /// <summary><c>NLM_F_APPEND</c> (NEW): add to the end of the list.</summary>
    Append = 0x800,

    /// <summary><c>NLM_F_CAPPED</c> (ACK): the echoed request was cut to its header.</summary>
    Capped = 0x100,

    /// <summary><c>NLM_F_ACK_TLVS</c> (ACK): extended-ACK attributes follow.</summary>
    AckTlvs = 0x200,
}
