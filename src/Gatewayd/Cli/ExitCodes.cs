namespace Gatewayd.Cli;

/// <summary>Process exit codes shared by every verb; scripts branch on these.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadInput = 2;
    public const int NoRule = 3;
}
