namespace Gatewayd.Reconcile;

/// <summary>A step the reconciler refused or could not start, for a reason of its own rather than the kernel's.</summary>
internal sealed class ReconcileStepException : Exception
{
    public ReconcileStepException()
    {
    }

    public ReconcileStepException(string message)
        : base(message)
    {
    }

    public ReconcileStepException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
