namespace Gatewayd.Nftables;

/// <summary>An <c>nft</c> run failed, or the table read back did not match what was rendered.</summary>
public sealed class NftException : Exception
{
    /// <summary>Creates an exception with no details.</summary>
    public NftException()
        : this("nft failed")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public NftException(string message)
        : this(message, (Exception?)null)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public NftException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Operation = "nft";
        StandardError = string.Empty;
        Problems = [];
    }

    /// <summary>Creates an exception for a failed operation.</summary>
    /// <param name="operation">The operation, e.g. <c>apply</c>, <c>list</c>, <c>verify</c>.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="standardError">nft's standard error (empty when nft succeeded but the readback did not verify).</param>
    /// <param name="exitCode">nft's exit code, or null when it did not run to completion.</param>
    /// <param name="problems">The readback differences, for <c>verify</c>.</param>
    /// <param name="innerException">The cause, if any.</param>
    public NftException(string operation, string message, string standardError, int? exitCode = null, IReadOnlyList<string>? problems = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Operation = operation;
        StandardError = standardError;
        ExitCode = exitCode;
        Problems = problems ?? [];
    }

    /// <summary>The operation that failed: <c>apply</c>, <c>verify</c>, <c>list</c>, <c>delete</c>, ...</summary>
    public string Operation { get; }

    /// <summary>nft's standard error text (what it said was wrong), or empty.</summary>
    public string StandardError { get; }

    /// <summary>nft's exit code, when it ran.</summary>
    public int? ExitCode { get; }

    /// <summary>For <c>verify</c>: each difference between the rendered and the listed table.</summary>
    public IReadOnlyList<string> Problems { get; }
}
