using System;

namespace SagaDsl;

/// <summary>Marks a method of a saga as one step, executed as its own Temporal activity.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class SagaStepAttribute : ActivityOptionsAttribute
{
    /// <summary>Initializes a new instance of the <see cref="SagaStepAttribute"/> class.</summary>
    /// <param name="order">The step's position; steps run in ascending order, from 1.</param>
    public SagaStepAttribute(int order) => Order = order;

    /// <summary>Gets the step's position in the saga.</summary>
    public int Order { get; }

    /// <summary>
    /// Gets or sets whether this step is the saga's point of no return. Once it succeeds nothing at
    /// or before it is ever compensated; critical steps after it retry until they succeed by default.
    /// </summary>
    public bool Pivot { get; set; }

    /// <summary>
    /// Gets or sets whether a failure of this step fails the saga (the default). A non-critical
    /// step is still awaited, but its failure is logged and recorded in the saga's result and
    /// never triggers compensation.
    /// </summary>
    public bool Critical { get; set; } = true;

    /// <summary>
    /// Gets or sets whether the step is removed from the saga while executions of an older shape still
    /// run it. New executions skip it; its activity stays registered, and the run path of every shipped
    /// shape that has it (SagaShapes.Shipped.txt) still calls it, in that shape's place and role. Delete
    /// the method once those shapes are retired. A step that is not removed cannot take its result.
    /// </summary>
    public bool Removed { get; set; }
}
