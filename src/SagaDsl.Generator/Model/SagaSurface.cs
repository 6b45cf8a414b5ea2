using System.Linq;

namespace SagaDsl.Generator.Model;

/// <summary>
/// What code outside a saga in error names of it: the generated types and the signatures that carry
/// the user's types. The generator writes stand-ins from it, so that code still compiles and the
/// saga's own diagnostics are what the build shows. Values only, like <see cref="SagaModel"/>.
/// </summary>
/// <param name="SagaType">The saga class as generated signatures take it, or <c>null</c> where no generated member can name it (generic, or nested in a type they cannot see).</param>
/// <param name="InputType">The saga input's type, or <c>null</c> where it is unknown or does not resolve.</param>
/// <param name="Results">The result properties whose types resolve, one per name.</param>
/// <param name="FreeTypes">The generated sibling types (<c>Workflow</c>, <c>Result</c>, ...) no user type already declares, by suffix.</param>
internal sealed record SagaSurface(
    string Namespace,
    string ClassName,
    string Accessibility,
    string WorkflowType,
    string TaskQueue,
    string? SagaType,
    string? InputType,
    EquatableArray<SurfaceResult> Results,
    EquatableArray<string> FreeTypes)
{
    public string WorkflowClass => ClassName + GeneratedNames.WorkflowSuffix;

    public string ResultClass => ClassName + GeneratedNames.ResultSuffix;

    public string WorkerClass => ClassName + GeneratedNames.WorkerSuffix;

    public string ClientClass => ClassName + GeneratedNames.ClientSuffix;

    public string HostingClass => ClassName + GeneratedNames.HostingSuffix;

    /// <summary>Gets a type of the saga's namespace as generated code names it, from <c>global::</c>.</summary>
    public string Qualified(string type) => Namespace.Length == 0 ? "global::" + type : $"global::{Namespace}.{type}";

    public bool Declares(string suffix) => FreeTypes.Contains(suffix);
}

/// <summary>One step's result property of a stand-in result.</summary>
internal sealed record SurfaceResult(string Name, string Type);
