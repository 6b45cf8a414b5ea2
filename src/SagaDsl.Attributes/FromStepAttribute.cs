using System;

namespace SagaDsl;

/// <summary>
/// Binds a step or compensation parameter to the result of one named earlier step, where binding
/// by type alone would be ambiguous.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class FromStepAttribute : Attribute
{
    /// <summary>Initializes a new instance of the <see cref="FromStepAttribute"/> class.</summary>
    /// <param name="stepMethodName">The step, written as <c>nameof(Step)</c>.</param>
    public FromStepAttribute(string stepMethodName) => StepMethodName = stepMethodName;

    /// <summary>Gets the name of the step whose result binds to the parameter.</summary>
    public string StepMethodName { get; }
}
