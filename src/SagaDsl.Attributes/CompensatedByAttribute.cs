using System;

namespace SagaDsl;

/// <summary>
/// Names the method that undoes a step. It runs, as its own activity, when a later critical step
/// fails or the saga is cancelled before the pivot. Its parameters bind like a step's: the step's
/// result, the saga input, other earlier results, <see cref="StepContext"/>, <c>CancellationToken</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class CompensatedByAttribute : ActivityOptionsAttribute
{
    /// <summary>Initializes a new instance of the <see cref="CompensatedByAttribute"/> class.</summary>
    /// <param name="methodName">The compensation method, written as <c>nameof(Method)</c>.</param>
    public CompensatedByAttribute(string methodName) => MethodName = methodName;

    /// <summary>Gets the name of the compensation method.</summary>
    public string MethodName { get; }
}
