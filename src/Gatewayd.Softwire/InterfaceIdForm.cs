namespace Gatewayd.Softwire;

/// <summary>Layout of the 64-bit interface id that completes a MAP-E CE address.</summary>
public enum InterfaceIdForm
{
    /// <summary>
    /// draft-ietf-softwire-map-03 ("legacy"): 8 zero bits, IPv4 address (32), PSID (16, right-aligned), 8 zero bits.
    /// What the Japanese VNEs' BRs expect: a CE using the RFC form is silently ignored there.
    /// </summary>
    Draft03,

    /// <summary>RFC 7597 section 6: 16 zero bits, IPv4 address (32), PSID (16, right-aligned).</summary>
    Rfc7597,
}
