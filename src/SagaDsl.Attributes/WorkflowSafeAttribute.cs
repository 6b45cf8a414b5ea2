using System;

namespace SagaDsl;

/// <summary>
/// Marks a helper (or a whole type) as reviewed: the SAGA1xx determinism analyzers do not follow
/// calls into it from workflow code, and do not analyze it as workflow code.
/// </summary>
/// <remarks>
/// The analyzers recognise any attribute class named <c>WorkflowSafeAttribute</c>, so a project
/// that does not reference SagaDsl can declare its own. State why the code is safe: the marker
/// silences the analyzer, not the nondeterminism.
/// </remarks>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Constructor | AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class WorkflowSafeAttribute : Attribute
{
    /// <summary>Initializes a new instance of the <see cref="WorkflowSafeAttribute"/> class.</summary>
    /// <param name="justification">Why the code is deterministic, or harmless when it is not.</param>
    public WorkflowSafeAttribute(string justification) => Justification = justification;

    /// <summary>Gets why the code is safe to call from a workflow.</summary>
    public string Justification { get; }
}
