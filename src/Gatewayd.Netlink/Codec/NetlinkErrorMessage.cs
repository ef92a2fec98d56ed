using Gatewayd.Netlink.Uapi;

namespace Gatewayd.Netlink;

/// <summary>
/// An <c>NLMSG_ERROR</c> (<c>struct nlmsgerr</c>): the errno (0 for an ACK), the echoed request header, and the
/// extended-ACK attributes (<c>NLMSGERR_ATTR_MSG</c>, <c>NLMSGERR_ATTR_OFFS</c>) when <c>NETLINK_EXT_ACK</c> is on.
/// </summary>
/// <param name="Errno">The positive errno, or 0 for a successful ACK.</param>
/// <param name="Request">The header of the request this answers.</param>
/// <param name="ExtendedAckMessage">The kernel's explanation, e.g. <c>Unknown device type</c>.</param>
/// <param name="ExtendedAckOffset">Byte offset in the request of the attribute the kernel rejected.</param>
public readonly record struct NetlinkErrorMessage(int Errno, NetlinkHeader Request, string? ExtendedAckMessage, uint? ExtendedAckOffset)
{
    /// <summary>Decodes an <c>NLMSG_ERROR</c> message.</summary>
    /// <param name="message">The whole message, netlink header included.</param>
    /// <param name="value">The decoded error.</param>
    /// <param name="error">Why decoding failed, with the byte offset.</param>
    /// <returns>False on malformed input; never throws.</returns>
    public static bool TryParse(ReadOnlySpan<byte> message, out NetlinkErrorMessage value, out NetlinkParseError error)
    {
        value = default;
        if (!NetlinkHeader.TryRead(message, out var header) || header.Length > (uint)message.Length || header.Length < NetlinkHeader.Size)
        {
            error = new NetlinkParseError(NetlinkParseErrorKind.Truncated, 0, "no complete netlink header");
            return false;
        }

        if (header.Type != NetlinkConstants.NlmsgError)
        {
            error = new NetlinkParseError(NetlinkParseErrorKind.UnexpectedMessageType, 4, $"{MessageNames.Of(header.Type)} is not NLMSG_ERROR");
            return false;
        }

        var body = message[NetlinkHeader.Size..(int)header.Length];
        if (body.Length < 4 + NetlinkHeader.Size)
        {
            error = new NetlinkParseError(NetlinkParseErrorKind.Truncated, NetlinkHeader.Size, $"{body.Length}-byte nlmsgerr, needs {4 + NetlinkHeader.Size}");
            return false;
        }

        var errno = -HostOrder.I32(body);
        NetlinkHeader.TryRead(body[4..], out var request);

        // Without NLM_F_CAPPED the whole request follows its header; the extended ACK comes after it.
        var tlvStart = 4 + NetlinkHeader.Size;
        if (!header.Flags.HasFlag(NetlinkMessageFlags.Capped) && request.Length > NetlinkHeader.Size)
        {
            var echoed = HostOrder.Align((int)Math.Min(request.Length, int.MaxValue / 2));
            if (echoed > body.Length - 4)
            {
                error = new NetlinkParseError(NetlinkParseErrorKind.BadMessageLength, NetlinkHeader.Size + 4, $"echoed nlmsg_len {request.Length} runs past the error message");
                return false;
            }

            tlvStart = 4 + echoed;
        }

        string? text = null;
        uint? offset = null;
        if (header.Flags.HasFlag(NetlinkMessageFlags.AckTlvs))
        {
            var tlvs = new AttributeReader(body[tlvStart..], NetlinkHeader.Size + tlvStart);
            while (tlvs.TryReadNext(out var a))
            {
                if (a.Type == NetlinkConstants.NlmsgerrAttrMsg)
                {
                    text = a.GetString();
                }
                else if (a.Type == NetlinkConstants.NlmsgerrAttrOffs && a.TryGetU32(out var o, out _))
                {
                    offset = o;
                }
            }

            if (tlvs.Error is { } e)
            {
                error = e;
                return false;
            }
        }

        error = default;
        value = new NetlinkErrorMessage(errno, request, text, offset);
        return true;
    }
}
