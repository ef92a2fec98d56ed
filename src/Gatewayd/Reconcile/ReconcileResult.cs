namespace Gatewayd.Reconcile;

/// <summary>A step that failed or was not attempted.</summary>
/// <param name="Action">The step, or null when reading the kernel failed.</param>
/// <param name="Object">The kernel object, e.g. <c>route 0.0.0.0/0 dev mape0 table main</c>.</param>
/// <param name="Reason">The exception's text (for netlink: operation, errno and the kernel's message), or why the step was skipped.</param>
/// <param name="Skipped">True when the step was not attempted because one it depends on failed.</param>
internal sealed record ReconcileFailure(ReconcileAction? Action, string Object, string Reason, bool Skipped = false)
{
    public override string ToString() => Action is null ? $"{Object}: {Reason}" : $"{Action}: {Reason}";
}

/// <summary>What one reconcile did.</summary>
/// <param name="Planned">Every step the diff asked for, in order.</param>
/// <param name="Applied">The steps that changed the kernel (an nft ensure that found the table current is not one).</param>
/// <param name="Failures">Steps that failed or were skipped, and snapshot errors.</param>
/// <param name="Elapsed">Wall time of the whole reconcile, snapshot included.</param>
internal sealed record ReconcileResult(
    IReadOnlyList<ReconcileAction> Planned,
    IReadOnlyList<ReconcileAction> Applied,
    IReadOnlyList<ReconcileFailure> Failures,
    TimeSpan Elapsed)
{
    /// <summary>True when anything in the kernel was written.</summary>
    public bool Changed => Applied.Count > 0;

    public bool Succeeded => Failures.Count == 0;
}
