using System;

namespace SagaDsl;

/// <summary>
/// Names the method that undoes a step. It runs, as its own activity, when a later critical step
/// fails or the saga is cancelled before the pivot. Its parameters bind like a step's: the step's
/// result, the saga input, other earlier results, <c>SagaDsl.StepContext</c>, <c>CancellationToken</c>.
/// A step has one compensation; an earlier one that shipped shapes still use stays beside it, marked
/// <see cref="Removed"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class CompensatedByAttribute : ActivityOptionsAttribute
{
    /// <summary>Initializes a new instance of the <see cref="CompensatedByAttribute"/> class.</summary>
    /// <param name="methodName">The compensation method, written as <c>nameof(Method)</c>.</param>
    public CompensatedByAttribute(string methodName) => MethodName = methodName;

    /// <summary>Gets the name of the compensation method.</summary>
    public string MethodName { get; }

    /// <summary>
    /// Gets or sets whether this compensation no longer undoes the step for new executions, while
    /// executions of an older shape that used it (SagaShapes.Shipped.txt) still do. Its activity stays
    /// registered; delete it once those shapes are retired.
    /// </summary>
    public bool Removed { get; set; }
}
