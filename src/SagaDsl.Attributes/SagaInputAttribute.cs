using System;

namespace SagaDsl;

/// <summary>
/// Binds a step or compensation parameter to the saga's input, where an earlier step returns a
/// value of the same type.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class SagaInputAttribute : Attribute
{
}
